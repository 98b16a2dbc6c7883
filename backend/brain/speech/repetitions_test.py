from brain.speech.repetitions import restarts_alike, sound_alike
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


def test_a_restart_sounds_like_the_start_of_its_word_and_not_like_a_word_starting_otherwise(evalset):
    """The restart "kuh" against "cat" and "she": a stop and schwa against a stop and vowel, and against a fricative."""
    clip = clip_of(evalset.said("she has a kuh kuh cat"))
    words = spoken_words(clip, target_words("she has a cat"), None)
    restart = next(w for w in reversed(words) if w.partial)
    cat, she = (next(w for w in words if w.text == text and not w.partial) for text in ("cat", "she"))

    assert restarts_alike(clip, (restart.start_ms, restart.end_ms), cat.start_ms)
    assert not restarts_alike(clip, (restart.start_ms, restart.end_ms), she.start_ms)
