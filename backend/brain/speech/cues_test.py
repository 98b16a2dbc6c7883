import numpy as np
import pytest
from scipy.signal import butter, sosfilt

from brain.speech import cues
from brain.speech.audio import ANALYSIS_RATE_HZ, Clip
from brain.speech.testing import tone

RATE_MS = ANALYSIS_RATE_HZ // 1000


def noise(ms: int, low_hz: float, high_hz: float, amplitude: float = 0.1) -> np.ndarray:
    white = np.random.default_rng(0).normal(0, amplitude, ms * RATE_MS)
    return sosfilt(butter(6, [low_hz, high_hz], "bandpass", fs=ANALYSIS_RATE_HZ, output="sos"), white)


def word(*parts: np.ndarray) -> tuple[cues.Spectra, float]:
    """Parts joined into a clip with its spectra and loudest level."""
    clip = Clip(np.concatenate(parts).astype(np.float32))
    s = cues.spectra(clip)
    return s, cues.loudest_db(s, 0, round(1000 * clip.duration_s))


def test_frication_lasts_as_long_as_the_high_noise_that_starts_in_the_span():
    s, loudest = word(noise(80, 4000, 7500), tone(0.2, hz=200, amplitude=0.5))

    assert cues.frication_ms(s, 0, 40, loudest) == pytest.approx(80, abs=10)
    assert cues.frication_ms(s, 100, 200, loudest) == 0


def test_weak_noise_is_far_below_the_word_and_strong_noise_close_to_it():
    weak, weak_loudest = word(noise(80, 4000, 7500, 0.005), tone(0.2, hz=200, amplitude=0.5))
    strong, strong_loudest = word(noise(80, 4000, 7500, 0.2), tone(0.2, hz=200, amplitude=0.5))

    assert cues.frication_level_db(weak, 0, 80, weak_loudest) < -30
    assert cues.frication_level_db(strong, 0, 80, strong_loudest) > -15


def test_a_burst_centred_high_reads_above_one_centred_low():
    high, _ = word(noise(20, 4000, 7500), tone(0.2, hz=200))
    low, _ = word(noise(20, 1500, 3000), tone(0.2, hz=200))

    assert cues.burst_centroid_hz(high, 0, 40) > 4500 > cues.burst_centroid_hz(low, 0, 40)


def silence(ms: int) -> np.ndarray:
    return np.zeros(ms * RATE_MS)


def vowel(ms: int) -> np.ndarray:
    """Voicing with some energy above 3 kHz, as a vowel's higher formants give it."""
    return tone(ms / 1000, hz=200, amplitude=0.5) + noise(ms, 3000, 7000, 0.02)


def test_a_release_after_a_closure_rises_where_the_burst_is_and_a_vowel_that_just_ends_rises_nowhere():
    released, released_loudest = word(vowel(200), silence(50), noise(30, 2000, 7000))
    ended, ended_loudest = word(vowel(200), silence(50))

    release_ms, rise_db = cues.release_rise_db(released, 100, 280, released_loudest)

    assert release_ms == pytest.approx(250, abs=10) and rise_db > 20
    assert cues.release_rise_db(ended, 100, 250, ended_loudest)[1] <= 0


def test_the_first_sound_of_a_span_is_measured_from_where_it_starts_not_from_the_span_start():
    high, high_loudest = word(silence(30), noise(15, 4000, 7500), tone(0.2, hz=200, amplitude=0.5))
    low, low_loudest = word(silence(30), noise(15, 1500, 3000), tone(0.2, hz=200, amplitude=0.5))

    assert cues.onset_centroid_hz(high, 0, 100, high_loudest) > 3750 > cues.onset_centroid_hz(low, 0, 100, low_loudest)


def test_weak_noise_before_the_vowel_delays_it_and_a_burst_does_not():
    fricative, fricative_loudest = word(noise(100, 1000, 7000, 0.02), tone(0.2, hz=200, amplitude=0.5))
    burst, burst_loudest = word(noise(10, 1000, 7000, 0.02), tone(0.2, hz=200, amplitude=0.5))

    assert cues.onset_to_vowel_ms(fricative, 0, fricative_loudest) == pytest.approx(100, abs=10)
    assert cues.onset_to_vowel_ms(burst, 0, burst_loudest) <= 10


def test_a_closure_carrying_some_noise_is_closed_only_where_the_caller_allows_that_much_noise():
    s, loudest = word(vowel(200), noise(50, 3000, 7000, 0.01), noise(30, 2000, 7000))

    assert cues.release_rise_db(s, 200, 280, loudest)[1] == -np.inf
    release_ms, rise_db = cues.release_rise_db(s, 200, 280, loudest, closed_db=-25.0)
    assert release_ms == pytest.approx(250, abs=10) and rise_db > 10


def test_a_span_sounds_from_its_first_audible_frame_and_a_silent_one_only_at_its_end():
    s, loudest = word(silence(40), vowel(200))

    assert cues.sound_start_ms(s, 0, 100, loudest) == pytest.approx(40, abs=10)
    assert cues.sound_start_ms(s, 0, 20, loudest) == 20


def test_a_closure_with_voicing_alone_has_less_high_band_against_the_low_than_weak_voiced_frication():
    voice_bar = tone(0.05, hz=150, amplitude=0.1)
    closure, _ = word(vowel(100), voice_bar, vowel(100))
    fricative, _ = word(vowel(100), voice_bar + noise(50, 3000, 7000, 0.01), vowel(100))

    assert cues.high_over_low_db(closure, 110, 140) < -24 < cues.high_over_low_db(fricative, 110, 140)


def test_only_the_weak_sound_before_a_sonorant_counts_when_the_vowel_level_is_set_lower():
    s, loudest = word(noise(60, 1000, 7000, 0.01), tone(0.05, hz=200, amplitude=0.1), tone(0.2, hz=200, amplitude=0.5))

    assert cues.onset_to_vowel_ms(s, 0, loudest, vowel_db=-20.0) == pytest.approx(60, abs=10)
    assert cues.onset_to_vowel_ms(s, 0, loudest) == pytest.approx(110, abs=10)


def test_a_burst_starts_with_high_noise_near_the_voicing_and_a_sonorant_with_voicing_far_above_it():
    burst, burst_loudest = word(silence(30), noise(15, 2000, 7000, 0.1), vowel(200))
    sonorant, sonorant_loudest = word(silence(30), vowel(200))

    assert cues.onset_noise_db(burst, 0, burst_loudest) > -9 > cues.onset_noise_db(sonorant, 0, sonorant_loudest)
    assert cues.onset_noise_db(burst, 300, burst_loudest) == -np.inf


def test_a_recording_without_the_band_above_5_khz_is_band_limited():
    speech = np.concatenate([vowel(200), noise(100, 4000, 7500)])
    telephone = sosfilt(butter(8, 3800, "lowpass", fs=ANALYSIS_RATE_HZ, output="sos"), speech)

    assert not cues.spectra(Clip(speech.astype(np.float32))).band_limited
    assert cues.spectra(Clip(telephone.astype(np.float32))).band_limited


def test_a_murmur_lasts_as_long_as_the_sound_with_next_to_nothing_above_3_khz():
    vowel = tone(0.1, hz=200, amplitude=0.5) + noise(100, 3000, 5000, 0.2)
    s, loudest = word(vowel, tone(0.06, hz=250, amplitude=0.2), vowel)

    assert cues.murmur_ms(s, 0, 260, loudest, -21.0) == pytest.approx(60, abs=15)
    assert cues.murmur_ms(s, 0, 90, loudest, -21.0) == 0


def test_a_release_centred_high_reads_above_one_centred_low_over_its_whole_burst():
    silence = np.zeros(40 * RATE_MS)
    high, _ = word(silence, noise(20, 4000, 7500), tone(0.2, hz=200))
    low, _ = word(silence, noise(20, 1500, 3000), tone(0.2, hz=200))

    assert cues.release_centroid_hz(high, 40) > 4000 > cues.release_centroid_hz(low, 40)
