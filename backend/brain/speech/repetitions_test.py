from brain.speech.repetitions import sound_alike
from brain.speech.spoken import spoken_words
from brain.speech.targets import target_words
from brain.speech.testing import clip_of


def test_a_word_said_twice_sounds_alike_and_two_different_words_do_not(evalset):
    clip = clip_of(evalset.said("i want the the ball"))
    words = {
        (w.text, n): (w.start_ms, w.end_ms)
        for n, w in enumerate(spoken_words(clip, target_words("i want the ball"), None))
    }
    the, again = (span for (text, _), span in words.items() if text == "the")
    want, ball = (span for (text, _), span in words.items() if text in {"want", "ball"})

    assert sound_alike(clip, the, again)
    assert not sound_alike(clip, want, ball)


def test_stretches_too_short_to_compare_are_not_alike(evalset):
    clip = clip_of(evalset.said("i want the ball"))

    assert not sound_alike(clip, (0, 20), (100, 120))
