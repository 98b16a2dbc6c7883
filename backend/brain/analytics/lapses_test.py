import pytest

from brain.analytics.features import extract
from brain.analytics.lapses import Lapse, LapseCause, response_baseline
from brain.analytics.session import Answer, Idle
from brain.analytics.testing import SECOND_MS, Timeline


def lapses_of(timeline: Timeline) -> tuple[Lapse, ...]:
    return extract(timeline.session()).lapses


def test_an_answer_five_times_slower_than_usual_is_a_lapse_after_the_usual_time():
    timeline = Timeline().answers(10).answer(response_ms=10 * SECOND_MS).answers(5)

    # Typical answers take 2 s; the slow one is shown at 20 s, so attention went at 22 s for 8 s.
    assert lapses_of(timeline) == (Lapse(22_000, 8_000, LapseCause.SLOW_RESPONSE),)


@pytest.mark.parametrize("response_ms", [2_500, 4_000], ids=["a bit slower", "exactly twice as slow"])
def test_an_answer_at_most_twice_as_slow_as_usual_is_no_lapse(response_ms):
    timeline = Timeline().answers(10).answer(response_ms=response_ms).answers(5)

    assert lapses_of(timeline) == ()


def test_an_erratic_learner_needs_a_far_slower_answer_for_a_lapse():
    erratic = Timeline()
    for response_ms in [1_000, 2_000, 3_000] * 6:
        erratic.answer(response_ms=response_ms)
    # Median 2 s and scaled MAD about 1.5 s put the limit near 6.4 s: 6 s is no lapse though three times
    # the median, 9 s is.
    erratic.answer(response_ms=6_000).answer(response_ms=9_000)
    slow_shown_ms = erratic.now_ms - 9_000

    assert lapses_of(erratic) == (Lapse(slow_shown_ms + 2_000, 7_000, LapseCause.SLOW_RESPONSE),)


def test_with_too_few_answers_no_answer_is_called_slow():
    timeline = Timeline().answers(3).answer(response_ms=60 * SECOND_MS)

    assert lapses_of(timeline) == ()
    assert response_baseline([Answer(0, True, 2_000)] * 4) is None


def test_a_slow_answer_explained_by_an_idle_gap_is_one_lapse_not_two():
    timeline = Timeline().answers(10)
    shown_ms = timeline.now_ms
    timeline.answer(response_ms=30 * SECOND_MS).answers(5)
    timeline.events.append(Idle(shown_ms + 5_000, 20_000))

    assert lapses_of(timeline) == (Lapse(shown_ms + 5_000, 20_000, LapseCause.IDLE),)


def test_idle_gaps_and_focus_losses_are_lapses_where_the_app_reported_them():
    timeline = Timeline().answers(2).idle(7_000).answers(1).away(12_000)

    assert lapses_of(timeline) == (
        Lapse(4_000, 7_000, LapseCause.IDLE),
        Lapse(13_000, 12_000, LapseCause.FOCUS_LOST),
    )
