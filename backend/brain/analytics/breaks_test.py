import pytest

from brain.analytics.breaks import BreakReasonKind, attention_span_minutes, recommend_break
from brain.analytics.session import MS_PER_MINUTE, Session
from brain.analytics.testing import SECOND_MS, Timeline, steady


def kinds(session: Session) -> list[BreakReasonKind]:
    return [reason.kind for reason in recommend_break(session).reasons]


def test_a_five_year_old_twenty_minutes_on_task_is_told_to_break_now_for_time_on_task():
    advice = recommend_break(steady(20).session(age_years=5))

    assert advice.break_now
    assert advice.minutes_until_break == 0
    assert advice.attention_span_minutes == 15
    assert advice.time_on_task_minutes == pytest.approx(20)
    assert [reason.kind for reason in advice.reasons] == [BreakReasonKind.TIME_ON_TASK]


def test_a_five_year_old_five_minutes_on_task_gets_a_break_in_ten_minutes():
    advice = recommend_break(steady(5).session(age_years=5))

    assert not advice.break_now
    assert advice.minutes_until_break == 10
    assert advice.reasons == ()


@pytest.mark.parametrize(
    ("age_months", "span_minutes"),
    [(24, 6), (60, 15), (66, 16), (96, 24), (120, 30), (216, 30)],
)
def test_the_attention_span_is_three_minutes_per_year_of_age_up_to_half_an_hour(age_months, span_minutes):
    assert attention_span_minutes(age_months) == span_minutes


@pytest.mark.parametrize(("age_years", "break_minutes"), [(2, 3), (5, 3), (8, 5), (18, 6)])
def test_the_break_is_a_fifth_of_the_span_and_at_least_three_minutes(age_years, break_minutes):
    assert recommend_break(Session(age_years * 12)).break_length_minutes == break_minutes


def test_an_empty_session_gets_the_whole_span_before_a_break():
    advice = recommend_break(Session(96))

    assert not advice.break_now
    assert advice.minutes_until_break == 24
    assert advice.time_on_task_minutes == 0
    assert advice.reasons == ()


def test_time_away_from_the_app_is_not_time_on_task():
    session = steady(10).away(10 * MS_PER_MINUTE).session(age_years=5)

    assert recommend_break(session).time_on_task_minutes == pytest.approx(10)


def falling_accuracy() -> Timeline:
    return Timeline().answers(30).answers(15).answers(15, correct=False)


def rising_variability() -> Timeline:
    timeline = Timeline().answers(30, response_ms=3_000)
    for _ in range(15):
        timeline.answer(response_ms=1_000).answer(response_ms=5_000)
    return timeline


def idle_streak() -> Timeline:
    timeline = steady(3)
    for _ in range(4):
        timeline.answers(10, response_ms=3_000).idle(10 * SECOND_MS)
    return timeline


def distractions() -> Timeline:
    timeline = steady(3)
    for _ in range(6):
        timeline.answers(5, response_ms=3_000).away(5 * SECOND_MS)
    return timeline


@pytest.mark.parametrize(
    ("timeline", "kind"),
    [
        (falling_accuracy(), BreakReasonKind.FALLING_ACCURACY),
        (rising_variability(), BreakReasonKind.RISING_RESPONSE_TIME_VARIABILITY),
        (idle_streak(), BreakReasonKind.IDLE_STREAK),
        (distractions(), BreakReasonKind.DISTRACTIONS),
    ],
    ids=["falling accuracy", "rising variability", "idle streak", "distractions"],
)
def test_each_fatigue_signal_is_named_and_brings_the_break_forward(timeline, kind):
    session = timeline.session()
    same_time_steady = steady(recommend_break(session).time_on_task_minutes).session()

    assert kinds(session) == [kind]
    assert recommend_break(session).minutes_until_break < recommend_break(same_time_steady).minutes_until_break


def test_a_steady_session_shows_no_fatigue_signal():
    assert kinds(steady(10).session()) == []


def test_enough_fatigue_signals_make_a_break_due_before_the_span_is_up():
    timeline = Timeline().answers(30, response_ms=3_000)
    for _ in range(4):
        for _ in range(2):
            timeline.answer(correct=False, response_ms=1_000).answer(correct=False, response_ms=5_000)
        timeline.idle(5 * SECOND_MS).away(5 * SECOND_MS)

    advice = recommend_break(timeline.session(age_years=8))

    assert advice.break_now
    assert advice.time_on_task_minutes < advice.attention_span_minutes
    assert BreakReasonKind.TIME_ON_TASK not in [reason.kind for reason in advice.reasons]
    assert len(advice.reasons) == 4


@pytest.mark.parametrize(
    ("minutes", "away_times", "order"),
    [
        (30, 3, [BreakReasonKind.TIME_ON_TASK, BreakReasonKind.DISTRACTIONS]),
        (16, 12, [BreakReasonKind.DISTRACTIONS, BreakReasonKind.TIME_ON_TASK]),
    ],
    ids=["twice the span with a few distractions", "just past the span with many distractions"],
)
def test_reasons_come_strongest_first(minutes, away_times, order):
    timeline = steady(minutes)
    for _ in range(away_times):
        timeline.answer(response_ms=3_000).away(SECOND_MS)

    assert kinds(timeline.session(age_years=5)) == order
