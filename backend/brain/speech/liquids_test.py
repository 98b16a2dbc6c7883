import pytest

from brain.speech import cues, liquids
from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE, CHILD_PITCH, CHILD_VOICE
from brain.speech.obstruents import Position
from brain.speech.testing import clip_of

VOICES = {"adult": (ADULT_VOICE, ADULT_PITCH), "child-like": (CHILD_VOICE, CHILD_PITCH)}
VOWEL_MIDDLE_MS = 200  # inside the vowel of each one-syllable word below, which starts within 130 ms


def said(evalset, text: str, voice: str, before: str | None) -> str | None:
    """What liquids.produced makes of the /l/ of a recording of text, the word starting at its first sound."""
    name, pitch = VOICES[voice]
    clip = clip_of(evalset.said(text, voice=name, pitch=pitch))
    s = cues.spectra(clip)
    loudest = cues.loudest_db(s, 0, round(1000 * clip.duration_s))
    return liquids.produced(clip, s, Position.UTTERANCE_INITIAL, before, 0, VOWEL_MIDDLE_MS, loudest)


@pytest.mark.parametrize("voice", VOICES)
def test_an_l_said_as_w_has_a_low_second_formant_rising_into_the_vowel(evalset, voice):
    assert said(evalset, "[[w'Ip]]", voice, before=None) == "W"
    assert said(evalset, "[[w'Uk]]", voice, before=None) == "W"


@pytest.mark.parametrize("voice", VOICES)
def test_an_l_said_right_keeps_its_second_formant_high_or_level_with_a_back_vowel(evalset, voice):
    assert said(evalset, "lip", voice, before=None) == "L"
    assert said(evalset, "look", voice, before=None) == "L"


@pytest.mark.parametrize("voice", VOICES)
def test_the_l_of_bl_is_heard_as_a_quiet_stretch_before_the_vowel_and_left_out_without_it(evalset, voice):
    assert said(evalset, "blue", voice, before="B") == "L"
    assert said(evalset, "[[b'u:]]", voice, before="B") == ""


def test_an_l_after_another_consonant_than_b_is_not_judged(evalset):
    assert said(evalset, "glue", "adult", before="G") is None


def test_an_l_aligned_at_the_very_end_of_the_recording_is_too_short_to_track_and_not_judged(evalset):
    name, pitch = VOICES["adult"]
    clip = clip_of(evalset.said("lip", voice=name, pitch=pitch))
    end_ms = round(1000 * clip.duration_s)

    judged = liquids.produced(clip, cues.spectra(clip), Position.WORD_INITIAL, None, end_ms - 10, end_ms - 5, 0.0)

    assert judged is None
