import pytest

from brain.analytics.attention import AttentionSpan, analyze_attention
from brain.analytics.lapses import Lapse, LapseCause
from brain.analytics.session import FocusLost, Idle, Session
from brain.analytics.testing import SECOND_MS, Timeline, steady


def test_spans_and_lapses_fall_exactly_where_the_events_put_them():
    timeline = Timeline().answers(10).idle(30 * SECOND_MS).answers(10).away(15 * SECOND_MS).answers(5)

    attention = analyze_attention(timeline.session())

    assert attention.lapses == (
        Lapse(20_000, 30_000, LapseCause.IDLE),
        Lapse(70_000, 15_000, LapseCause.FOCUS_LOST),
    )
    assert attention.spans == (
        AttentionSpan(0, 20_000, 10),
        AttentionSpan(50_000, 70_000, 10),
        AttentionSpan(85_000, 95_000, 5),
    )
    assert attention.mean_span_ms == pytest.approx(50_000 / 3)
    assert attention.longest_span_ms == 20_000
    assert attention.distraction_count == 1
    assert attention.distraction_ms == 15_000


def test_a_slow_answer_splits_the_span_it_falls_in():
    timeline = Timeline().answers(10).answer(response_ms=10 * SECOND_MS).answers(5)

    attention = analyze_attention(timeline.session())

    assert attention.spans == (AttentionSpan(0, 22_000, 11), AttentionSpan(30_000, 40_000, 5))


def test_time_after_the_last_event_up_to_the_elapsed_time_is_part_of_the_last_span():
    attention = analyze_attention(Timeline().answers(5).idle(5 * SECOND_MS).session(elapsed_ms=60_000))

    assert attention.spans[-1] == AttentionSpan(15_000, 60_000, 0)


def test_overlapping_idle_and_away_time_is_one_gap_between_spans_and_counted_once_as_away():
    session = Session(
        96,
        elapsed_ms=60_000,
        events=(Idle(10_000, 20_000), FocusLost(20_000, 20_000), FocusLost(25_000, 5_000)),
    )

    attention = analyze_attention(session)

    assert attention.spans == (AttentionSpan(0, 10_000, 0), AttentionSpan(40_000, 60_000, 0))
    assert attention.distraction_count == 2
    assert attention.distraction_ms == 20_000


def test_many_tab_switches_are_counted_as_distractions():
    timeline = steady(2)
    for _ in range(8):
        timeline.answers(3).away(4 * SECOND_MS)

    attention = analyze_attention(timeline.session())

    assert attention.distraction_count == 8
    assert attention.distraction_ms == 32_000


def test_an_empty_session_has_no_spans_lapses_or_decrement():
    attention = analyze_attention(Session(96))

    assert attention.spans == ()
    assert attention.lapses == ()
    assert attention.mean_span_ms == 0
    assert attention.longest_span_ms == 0
    assert not attention.vigilance.decrement


def test_vigilance_compares_the_first_half_with_the_second():
    timeline = Timeline().answers(10, response_ms=2_000).idle(10 * SECOND_MS)  # the first 30 s
    timeline.answers(4, response_ms=3_000).answers(4, correct=False, response_ms=3_000)
    timeline.idle(3 * SECOND_MS).idle(3 * SECOND_MS)  # the second 30 s

    vigilance = analyze_attention(timeline.session()).vigilance

    assert (vigilance.accuracy_first_half, vigilance.accuracy_second_half) == (1, 0.5)
    assert vigilance.median_response_time_first_half_ms == 2_000
    assert vigilance.median_response_time_second_half_ms == 3_000
    assert (vigilance.lapses_first_half, vigilance.lapses_second_half) == (1, 2)
    assert vigilance.decrement


SECOND_HALVES = {
    "accuracy falls": lambda timeline: timeline.answers(50, response_ms=3_000).answers(
        50, correct=False, response_ms=3_000
    ),
    "answers slow down": lambda timeline: timeline.answers(75, response_ms=4_000),
    "lapses grow": lambda timeline: timeline.answers(90, response_ms=3_000).idle(10_000).idle(10_000).away(10_000),
}


@pytest.mark.parametrize("second_half", SECOND_HALVES.values(), ids=SECOND_HALVES.keys())
def test_a_session_that_degrades_after_five_steady_minutes_shows_a_vigilance_decrement(second_half):
    session = second_half(steady(5)).session()

    assert analyze_attention(session).vigilance.decrement


def test_a_steady_session_shows_no_vigilance_decrement():
    assert not analyze_attention(steady(10).session()).vigilance.decrement
