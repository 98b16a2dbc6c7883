import pytest

from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE, CHILD_PITCH, CHILD_VOICE, NORTH_WIND
from brain.speech.fluency import speech_frames
from brain.speech.said_again import said_again
from brain.speech.testing import clip_of, speech_sample

VOICES = [(ADULT_VOICE, ADULT_PITCH), (CHILD_VOICE, CHILD_PITCH)]
# A saying's quiet edges (the /dh/ of "the" at the start, a final stop's release) fall outside the loud stretches
# compared, so the run's ends lie within this of where the first saying starts and the last one ends.
SPAN_TOLERANCE_MS = 150
# A restart is cut mid-vowel and starts loud, so its stretch's edges fall within two frames of where it was put.
RESTART_TOLERANCE_MS = 30


def runs_in(path):
    clip = clip_of(path)
    return said_again(clip, speech_frames(clip))


@pytest.mark.parametrize(("voice", "pitch"), VOICES)
@pytest.mark.parametrize(("before", "word", "after"), [("", "the", "dog ran"), ("we saw a", "big", "dog")])
@pytest.mark.parametrize("times", [2, 3])
@pytest.mark.parametrize("pause_s", [0.0, 0.25])
def test_a_word_said_again_is_one_run_of_its_sayings_spanning_them(
    evalset, voice, pitch, before, word, after, times, pause_s
):
    path, start_s, end_s = evalset.repeated(before, word, after, times, pause_s, voice=voice, pitch=pitch)

    runs = runs_in(path)

    assert [(len(run.sayings), run.word) for run in runs] == [(times, None)]
    assert runs[0].sayings[0][0] == pytest.approx(start_s * 1000, abs=SPAN_TOLERANCE_MS)
    assert runs[0].sayings[-1][1] == pytest.approx(end_s * 1000, abs=SPAN_TOLERANCE_MS)


@pytest.mark.parametrize(("voice", "pitch"), VOICES)
@pytest.mark.parametrize(("before", "word"), [("i want the", "ball"), ("we saw a big", "dog"), ("she has a", "cat")])
@pytest.mark.parametrize("times", [1, 2])
@pytest.mark.parametrize("pause_s", [0.1, 0.25])
def test_a_restarted_word_is_one_run_of_its_restarts_followed_by_the_word(
    evalset, voice, pitch, before, word, times, pause_s
):
    """Said straight after "a", "ca-" has no closure before its /k/: the loudness dip falls after the release, and the
    restart's stretch is shorter than a syllable."""
    path, start_s, end_s = evalset.restarted(before, word, times, pause_s, voice=voice, pitch=pitch)

    runs = runs_in(path)

    assert [len(run.sayings) for run in runs] == [times]
    assert runs[0].sayings[0][0] == pytest.approx(start_s * 1000, abs=RESTART_TOLERANCE_MS)
    assert runs[0].sayings[-1][1] == pytest.approx(end_s * 1000, abs=RESTART_TOLERANCE_MS)
    assert runs[0].word[0] == pytest.approx((end_s + pause_s) * 1000, abs=RESTART_TOLERANCE_MS)


@pytest.mark.parametrize(("voice", "pitch"), VOICES)
@pytest.mark.parametrize("words_per_minute", [150, 180])
def test_a_word_said_three_times_the_last_drawn_out_is_one_run_of_three_sayings(
    evalset, voice, pitch, words_per_minute
):
    """The last "no" ends the phrase and is twice as long as the others: as short against it as a restart is against
    its word, but sounding like all of it."""
    runs = runs_in(evalset.said("the dog said no no no", voice=voice, pitch=pitch, words_per_minute=words_per_minute))

    assert [(len(run.sayings), run.word) for run in runs] == [(3, None)]


@pytest.mark.parametrize(("voice", "pitch"), VOICES)
@pytest.mark.parametrize(
    ("text", "words_per_minute"), [("she has a kuh kuh cat", 150), ("my puh puh pig", 150), ("my puh puh pig", 100)]
)
def test_a_syllable_said_again_that_starts_as_the_longer_word_after_it_is_restarts_of_that_word(
    evalset, voice, pitch, text, words_per_minute
):
    """espeak-ng's own "kuh" sounds like the start of "cat" only in its first sound: its schwa is not the word's
    vowel. Said twice, it was read as a whole-word repetition "kuh kuh"."""
    runs = runs_in(evalset.said(text, voice=voice, pitch=pitch, words_per_minute=words_per_minute))

    assert [(len(run.sayings), run.word is not None) for run in runs] == [(2, True)]


@pytest.mark.parametrize(("voice", "pitch"), VOICES)
@pytest.mark.parametrize(
    "text", ["my dog likes to run in the park", "a soft fluffy feather fell off", "is it a big ball?"]
)
@pytest.mark.parametrize("words_per_minute", [150, 100, 80])
def test_fluent_speech_has_no_syllable_said_again(evalset, voice, pitch, text, words_per_minute):
    """A slow "is it" is two stretches of the same vowel told apart by quiet consonants: too short to compare."""
    assert runs_in(evalset.said(text, voice=voice, pitch=pitch, words_per_minute=words_per_minute)) == []


@pytest.mark.parametrize(("voice", "pitch"), VOICES)
@pytest.mark.parametrize("words_per_minute", [100, 130, 160])
def test_a_fluent_minute_long_passage_has_no_syllable_said_again(evalset, voice, pitch, words_per_minute):
    """Read at 100 words per minute in the adult voice, one stretch sounds nearly like the start of the next (3.8 dB),
    as a restart does, but starts otherwise."""
    assert runs_in(evalset.said(NORTH_WIND, voice=voice, pitch=pitch, words_per_minute=words_per_minute)) == []


@pytest.mark.parametrize("name", ["jfk.wav", "forever_input_2_16k.wav", "the_north_wind_and_the_sun.wav"])
def test_real_fluent_adult_speech_has_no_syllable_said_again(name):
    assert runs_in(speech_sample(name)) == []
