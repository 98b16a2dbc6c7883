import pytest

from brain.speech.articulation import ErrorKind, analyze_articulation
from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE
from brain.speech.processes import CLUSTER_REDUCTION, GLIDING, STOPPING, VELAR_FRONTING
from brain.speech.targets import target_words
from brain.speech.testing import clip_of

FOUR_YEARS, SEVEN_YEARS = 48, 84
SPAN_TOLERANCE_MS = 60


def articulation_of(evalset, said: str, target: str, age: int = FOUR_YEARS):
    clip = clip_of(evalset.said(said, voice=ADULT_VOICE, pitch=ADULT_PITCH))
    return analyze_articulation(clip, target_words(target), age)


def test_a_word_said_right_has_no_errors_and_full_pcc(evalset):
    articulation = articulation_of(evalset, "rabbit", "rabbit")

    assert articulation.errors == ()
    assert articulation.percent_consonants_correct == 100
    assert [p.target for p in articulation.phonemes] == ["R", "AE", "B", "AH", "T"]
    assert all(a.end_ms <= b.start_ms for a, b in zip(articulation.phonemes, articulation.phonemes[1:], strict=False))


def test_r_said_as_w_is_gliding_at_the_start_of_the_word_and_typical_at_four(evalset):
    articulation = articulation_of(evalset, "wabbit", "rabbit")

    (error,) = articulation.errors
    assert (error.target, error.produced, error.kind, error.process) == ("R", "W", ErrorKind.SUBSTITUTION, GLIDING)
    assert error.start_ms == pytest.approx(0, abs=SPAN_TOLERANCE_MS) and error.end_ms > error.start_ms
    assert error.age_appropriate and error.typical_by_months == 72
    assert articulation.consonants_target == 3 and articulation.consonants_correct == 2


def test_the_same_gliding_at_seven_is_not_age_appropriate(evalset):
    (error,) = articulation_of(evalset, "wabbit", "rabbit", SEVEN_YEARS).errors

    assert not error.age_appropriate


def test_k_said_as_t_is_velar_fronting(evalset):
    (error,) = articulation_of(evalset, "tup", "cup").errors

    assert (error.target, error.produced, error.process) == ("K", "T", VELAR_FRONTING)


def test_f_said_as_p_is_stopping(evalset):
    (error,) = articulation_of(evalset, "pish", "fish").errors

    assert (error.target, error.produced, error.process) == ("F", "P", STOPPING)


def test_a_dropped_s_in_a_cluster_is_cluster_reduction_as_an_omission(evalset):
    (error,) = articulation_of(evalset, "poon", "spoon").errors

    assert (error.target, error.produced, error.kind, error.process) == ("S", "", ErrorKind.OMISSION, CLUSTER_REDUCTION)
    assert error.start_ms == error.end_ms


def test_gliding_in_two_words_of_a_sentence_is_found_in_each_in_time_order(evalset):
    articulation = articulation_of(evalset, "the wed wabbit", "the red rabbit")

    assert [(e.word, e.process) for e in articulation.errors] == [("red", GLIDING), ("rabbit", GLIDING)]
    assert articulation.errors[0].end_ms <= articulation.errors[1].start_ms
    assert articulation.percent_consonants_correct == pytest.approx(100 * 4 / 6)


def test_a_long_target_is_analysed_word_by_word_naming_the_words_it_could_not_align(evalset):
    passage = (
        "the north wind and the sun were disputing which was the stronger when a traveler came along wrapped in a "
        "warm cloak"
    )

    articulation = analyze_articulation(clip_of(evalset.said(passage)), target_words(passage), FOUR_YEARS)

    scored = {p.word for p in articulation.phonemes}
    assert len(scored) + len(set(articulation.unscored_words)) >= len(set(passage.split())) - 1
    assert len(articulation.unscored_words) < len(passage.split()) / 2
    assert all(a.start_ms <= b.start_ms for a, b in zip(articulation.phonemes, articulation.phonemes[1:], strict=False))
