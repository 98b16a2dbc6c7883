import numpy as np
import pytest

from brain.speech.audio import Clip
from brain.speech.prosody import CONTOUR_STEP_MS, Terminal, analyze_prosody
from brain.speech.testing import clip_of, speech_sample, tone

CHILD = 72  # months
SENTENCE = "my dog likes to run in the park"


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
