import numpy as np

from brain.speech.audio import Clip
from brain.speech.quality import measure_quality
from brain.speech.testing import tone


def speech_with_gaps(level: float, noise: float = 0.0) -> Clip:
    rng = np.random.default_rng(7)
    samples = np.concatenate([tone(0.5, amplitude=level), np.zeros(8000, dtype=np.float32)] * 3)
    return Clip((samples + noise * rng.standard_normal(len(samples))).astype(np.float32))


def test_a_clean_recording_at_a_good_level_has_no_warnings():
    assert measure_quality(speech_with_gaps(0.3)).warnings() == ()


def test_clipping_is_reported_with_the_share_of_clipped_samples():
    clip = Clip(np.clip(tone(1.0, amplitude=2.0), -1, 1))

    quality = measure_quality(clip)

    assert quality.clipped_fraction > 0.3
    assert any(w.startswith("clipping") for w in quality.warnings())


def test_a_very_quiet_recording_warns_of_low_level():
    quality = measure_quality(speech_with_gaps(0.005))

    assert quality.rms_dbfs < -40
    assert any(w.startswith("low level") for w in quality.warnings())


def test_more_noise_gives_a_lower_snr_and_heavy_noise_warns():
    light, heavy = measure_quality(speech_with_gaps(0.3, 0.003)), measure_quality(speech_with_gaps(0.3, 0.1))

    assert heavy.snr_db < light.snr_db
    assert any(w.startswith("noisy") for w in heavy.warnings())
    assert not any(w.startswith("noisy") for w in light.warnings())
