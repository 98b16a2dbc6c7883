import pytest

from brain.speech.fluency import DisfluencyKind, SpokenWord, analyze_fluency, find_disfluencies
from brain.speech.spoken import spoken_words
from brain.speech.targets import target_words
from brain.speech.testing import clip_of

TARGET = "i want the ball"
TOLERANCE_MS = 30  # three 10 ms frames


def fluency_of(path, target=TARGET, threshold_ms=250):
    clip = clip_of(path)
    return analyze_fluency(clip, spoken_words(clip, target_words(target), None), threshold_ms)


@pytest.mark.parametrize("pause_s", [0.4, 0.8])
def test_an_inserted_pause_is_found_where_it_was_put_with_its_length(evalset, pause_s):
    path, start_s = evalset.with_pause("i want the", "ball", pause_s)

    fluency = fluency_of(path)

    assert len(fluency.pauses) == 1
    assert fluency.pauses[0].start_ms == pytest.approx(start_s * 1000, abs=TOLERANCE_MS)
    assert fluency.pauses[0].ms == pytest.approx(pause_s * 1000, abs=TOLERANCE_MS)
    assert fluency.longest_pause_ms == fluency.pauses[0].ms


def test_a_pause_shorter_than_the_threshold_is_not_counted_and_a_lower_threshold_counts_it(evalset):
    path, _ = evalset.with_pause("i want the", "ball", 0.2)

    assert fluency_of(path).pauses == ()
    assert len(fluency_of(path, threshold_ms=150).pauses) == 1


def test_more_pause_lowers_the_speech_rate_but_not_the_articulation_rate(evalset):
    fluent = fluency_of(evalset.said(TARGET))
    paused = fluency_of(evalset.with_pause("i want the", "ball", 0.8)[0])

    assert fluent.syllable_count == paused.syllable_count == 4
    assert paused.speech_rate_syllables_per_second < fluent.speech_rate_syllables_per_second
    assert paused.articulation_rate_syllables_per_second == pytest.approx(
        fluent.articulation_rate_syllables_per_second, rel=0.15
    )


def test_a_repeated_word_is_a_whole_word_repetition_spanning_both(evalset):
    fluency = fluency_of(evalset.said("i want the the ball"))

    assert [(d.kind, d.text) for d in fluency.disfluencies] == [(DisfluencyKind.WHOLE_WORD_REPETITION, "the")]
    assert fluency.disfluencies[0].end_ms - fluency.disfluencies[0].start_ms > 150
    assert fluency.percent_syllables_stuttered == pytest.approx(100 / 5)


def test_restarting_a_word_is_one_part_word_repetition_before_the_word(evalset):
    fluency = fluency_of(evalset.said("i want the buh buh ball"))

    assert [(d.kind, d.text) for d in fluency.disfluencies] == [(DisfluencyKind.PART_WORD_REPETITION, "ball")]
    assert fluency.word_count == 4 and fluency.syllable_count == 4


def test_fluent_speech_has_no_disfluencies(evalset):
    assert fluency_of(evalset.said(TARGET)).disfluencies == ()


def test_a_repeated_word_of_two_syllables_is_not_stuttering_like():
    words = [SpokenWord("rabbit", 0, 300, 2), SpokenWord("rabbit", 300, 600, 2)]

    assert find_disfluencies(words) == ()
