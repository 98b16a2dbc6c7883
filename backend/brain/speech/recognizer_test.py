import numpy as np

from brain.speech import recognizer
from brain.speech.audio import Clip
from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE
from brain.speech.targets import jsgf
from brain.speech.testing import clip_of


def test_a_grammar_hears_a_clip_the_same_after_a_noisy_one(evalset):
    clip = clip_of(evalset.said("the red rabbit"))
    long = clip_of(evalset.said("a big brown dog jumped over the fence"))
    noisy = Clip((long.samples + np.random.default_rng(0).normal(0, 0.05, len(long.samples))).astype(np.float32))
    grammar = jsgf("the (red | wed) (rabbit | wabbit)")
    recognizer.add_pronunciation("wed", ("W", "EH", "D"))
    recognizer.add_pronunciation("wabbit", ("W", "AE", "B", "AH", "T"))

    first = recognizer.recognise_grammar(clip, grammar), recognizer.align_scored(clip, ["the", "red", "rabbit"])
    recognizer.recognise_grammar(noisy, jsgf("a big brown dog jumped over the fence"))
    again = recognizer.recognise_grammar(clip, grammar), recognizer.align_scored(clip, ["the", "red", "rabbit"])

    assert again == first


def test_a_sentence_whose_fillers_lose_the_search_is_aligned_without_them(evalset):
    sentence = "a big brown dog jumped over the fence"
    clip = clip_of(evalset.said(sentence, voice=ADULT_VOICE, pitch=ADULT_PITCH))

    words = recognizer.align_words(clip, sentence.split())

    assert [w.text for w in words] == sentence.split()
    assert all(a.end_ms <= b.start_ms for a, b in zip(words, words[1:], strict=False))


def test_a_clip_cut_in_a_pause_reaches_the_words_said_before_the_pause(evalset):
    path, pause_start_s = evalset.with_pause("the red rabbit", "ran home", 0.4)
    before_pause = clip_of(path).between(0, round(1000 * pause_start_s) + 200)

    assert recognizer.words_reached(before_pause, ["the", "red", "rabbit", "ran", "home"]) == 3
