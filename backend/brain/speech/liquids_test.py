import pytest

from brain.speech import cues, liquids
from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE, CHILD_PITCH, CHILD_VOICE
from brain.speech.obstruents import Position
from brain.speech.targets import target_words
from brain.speech.testing import clip_of

VOICES = {"adult": (ADULT_VOICE, ADULT_PITCH), "child-like": (CHILD_VOICE, CHILD_PITCH)}
VOWEL_MIDDLE_MS = 200  # inside the vowel of each one-syllable word below, which starts within 150 ms


def said(evalset, text: str, voice: str, target: str) -> str | None:
    """What liquids.produced makes of the first liquid of the target word in a recording of text, the word starting
    at its first sound."""
    name, pitch = VOICES[voice]
    clip = clip_of(evalset.said(text, voice=name, pitch=pitch))
    s = cues.spectra(clip)
    loudest = cues.loudest_db(s, 0, round(1000 * clip.duration_s))
    phones = target_words(target)[0].phones
    index = next(i for i, phone in enumerate(phones) if phone in liquids.LIQUIDS)
    return liquids.produced(clip, s, phones, index, Position.UTTERANCE_INITIAL, 0, VOWEL_MIDDLE_MS, loudest)


@pytest.mark.parametrize("voice", VOICES)
def test_an_l_said_as_w_has_a_low_second_formant_rising_into_the_vowel(evalset, voice):
    assert said(evalset, "[[w'Ip]]", voice, "lip") == "W"
    assert said(evalset, "[[w'Uk]]", voice, "look") == "W"


@pytest.mark.parametrize("voice", VOICES)
def test_an_l_said_right_keeps_its_second_formant_high_or_level_with_a_back_vowel(evalset, voice):
    assert said(evalset, "lip", voice, "lip") == "L"
    assert said(evalset, "look", voice, "look") == "L"


@pytest.mark.parametrize("voice", VOICES)
def test_an_r_said_right_pulls_its_third_formant_down_and_one_said_as_w_keeps_it_near_the_vowels(evalset, voice):
    assert said(evalset, "red", voice, "red") == "R"
    assert said(evalset, "run", voice, "run") == "R"
    assert said(evalset, "[[w'Ed]]", voice, "red") == "W"
    assert said(evalset, "[[w'Vn]]", voice, "run") == "W"


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize(
    ("word", "reduced"),
    [("blue", "[[b'u:]]"), ("glass", "[[g'as]]"), ("play", "[[p'eI]]"), ("clean", "[[k'i:n]]"), ("sleep", "[[s'i:p]]")],
)
def test_the_l_of_a_cluster_is_a_steady_stretch_of_low_f2_and_high_f3_and_left_out_without_it(
    evalset, voice, word, reduced
):
    assert said(evalset, word, voice, word) == "L"
    assert said(evalset, reduced, voice, word) == ""


@pytest.mark.parametrize("voice", VOICES)
def test_the_l_of_bl_before_a_back_vowel_is_heard_as_a_quiet_stretch_before_it_and_left_out_without_it(evalset, voice):
    assert said(evalset, "block", voice, "block") == "L"
    assert said(evalset, "[[b'0k]]", voice, "block") == ""


@pytest.mark.parametrize("voice", VOICES)
@pytest.mark.parametrize(
    ("word", "reduced"),
    [
        *(("clock", "[[k'0k]]"), ("plum", "[[p'Vm]]"), ("floor", "[[f'o@]]"), ("slide", "[[s'aId]]")),
        *(("flow", "[[f'oU]]"), ("slow", "[[s'oU]]"), ("glide", "[[g'aId]]"), ("gloss", "[[g'0s]]")),
    ],
)
def test_the_l_of_a_cluster_before_an_open_vowel_or_ou_is_a_voiced_stretch_of_low_f1_and_left_out_without_it(
    evalset, voice, word, reduced
):
    assert said(evalset, word, voice, word) == "L"
    assert said(evalset, reduced, voice, word) == ""


def test_the_l_of_gl_before_oU_is_not_judged(evalset):
    assert said(evalset, "globe", "adult", "globe") is None


@pytest.mark.parametrize("voice", VOICES)
def test_an_r_that_ends_the_recording_pulls_the_vowels_third_formant_down_and_left_out_keeps_it(evalset, voice):
    def final(text: str) -> str | None:
        name, pitch = VOICES[voice]
        clip = clip_of(evalset.said(text, voice=name, pitch=pitch))
        s = cues.spectra(clip)
        end_ms = round(1000 * clip.duration_s)
        return liquids.final_rhotic(clip, s, 50, end_ms, cues.loudest_db(s, 0, end_ms))

    assert final("car") == "R"
    assert final("[[k'A:]]") == ""


def test_an_l_aligned_at_the_very_end_of_the_recording_is_too_short_to_track_and_not_judged(evalset):
    name, pitch = VOICES["adult"]
    clip = clip_of(evalset.said("lip", voice=name, pitch=pitch))
    end_ms = round(1000 * clip.duration_s)
    phones = target_words("lip")[0].phones

    judged = liquids.produced(clip, cues.spectra(clip), phones, 0, Position.WORD_INITIAL, end_ms - 10, end_ms - 5, 0.0)

    assert judged is None
