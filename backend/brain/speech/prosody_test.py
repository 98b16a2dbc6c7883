import numpy as np
import pytest

from brain.speech.audio import Clip
from brain.speech.prosody import CONTOUR_STEP_MS, Terminal, analyze_prosody
from brain.speech.rhythm import RhythmBasis, npvi
from brain.speech.testing import clip_of, speech_sample, tone

CHILD = 72  # months
SENTENCE = "my dog likes to run in the park"
HALF_OCTAVE = 6  # semitones: F0 moves less than one semitone per 10 ms step; octave errors move 12


def test_a_pitch_shift_up_by_four_semitones_raises_median_f0_by_four_semitones(evalset):
    plain = analyze_prosody(clip_of(evalset.said(SENTENCE)), CHILD)
    higher = analyze_prosody(clip_of(evalset.pitch_shifted(SENTENCE, 4)), CHILD)

    assert 12 * np.log2(higher.median_f0_hz / plain.median_f0_hz) == pytest.approx(4, abs=0.5)


def test_a_question_ends_rising_and_a_statement_ends_falling(evalset):
    question = analyze_prosody(clip_of(evalset.said("is it a big ball?")), CHILD)
    statement = analyze_prosody(clip_of(evalset.said("it is a big ball.")), CHILD)

    assert question.terminal is Terminal.RISING and question.terminal_slope_st_per_s > 0
    assert statement.terminal is Terminal.FALLING and statement.terminal_slope_st_per_s < 0


def test_the_contour_has_one_value_per_step_and_zeros_in_the_silence():
    clip = Clip(np.concatenate([tone(0.5, hz=250), np.zeros(8000, dtype=np.float32)]))

    prosody = analyze_prosody(clip, CHILD)

    assert len(prosody.f0_contour_hz) == round(1000 / CONTOUR_STEP_MS)
    assert np.median(prosody.f0_contour_hz[10:40]) == pytest.approx(250, abs=2)
    assert set(prosody.f0_contour_hz[-30:]) == {0.0}
    assert prosody.voiced_fraction == pytest.approx(0.5, abs=0.1)


def test_a_steady_tone_has_no_pitch_range_and_no_jitter_to_speak_of():
    prosody = analyze_prosody(Clip(tone(1.0, hz=300)), CHILD)

    assert prosody.f0_range_semitones < 0.2
    assert prosody.jitter_local_percent < 0.5
    assert prosody.hnr_db > 20


def test_a_real_adult_recording_gets_plausible_pitch_and_voice_quality():
    prosody = analyze_prosody(clip_of(speech_sample("jfk.wav")), 216)

    assert 90 < prosody.median_f0_hz < 300
    assert 3 < prosody.f0_range_semitones < 24
    assert 0 < prosody.jitter_local_percent < 5 and 0 < prosody.shimmer_local_percent < 25
    assert prosody.mean_intensity_db > 40
    assert 0 < prosody.npvi < 200


def test_noise_without_voicing_answers_zeros_instead_of_failing():
    noise = np.random.default_rng(3).uniform(-0.3, 0.3, 16000).astype(np.float32)

    prosody = analyze_prosody(Clip(noise), CHILD)

    assert prosody.terminal is Terminal.UNKNOWN
    assert prosody.mean_intensity_db > 0


@pytest.mark.parametrize(
    "make",
    [
        lambda evalset: evalset.pitch_shifted("the cat sat on the mat and the dog ran to the park", 8),
        lambda evalset: evalset.said("is it a big red ball in the park?", pitch=99),
    ],
    ids=["shifted up to about 400 Hz", "espeak-ng's highest pitch"],
)
def test_the_contour_of_child_pitch_speech_has_no_octave_jumps(evalset, make):
    contour = np.array(analyze_prosody(clip_of(make(evalset)), CHILD).f0_contour_hz)

    both_voiced = (contour[:-1] > 0) & (contour[1:] > 0)
    steps = np.abs(12 * np.log2(contour[1:][both_voiced] / contour[:-1][both_voiced]))
    assert both_voiced.sum() > 50
    assert steps.max() < HALF_OCTAVE


def test_the_speakers_own_pitch_range_is_searched_so_an_adult_male_voice_is_tracked_in_an_adult_range():
    prosody = analyze_prosody(clip_of(speech_sample("forever_input_2_16k.wav")), 216)

    assert 80 < prosody.f0_min_hz < prosody.median_f0_hz < prosody.f0_max_hz < 200


def test_rhythm_is_measured_on_the_vowels_given_and_on_voiced_stretches_without_them(evalset):
    clip = clip_of(evalset.said(SENTENCE))
    even = [(0, 100), (200, 300), (400, 500)]
    uneven = [(0, 100), (200, 400), (500, 550)]

    on_even, on_uneven, without = (analyze_prosody(clip, CHILD, vowels) for vowels in (even, uneven, None))

    assert (on_even.npvi_basis, on_even.npvi) == (RhythmBasis.VOWELS, 0.0)
    assert on_uneven.npvi == pytest.approx(npvi([0.1, 0.2, 0.05]))
    assert without.npvi_basis is RhythmBasis.VOICED_STRETCHES and without.npvi > 0
