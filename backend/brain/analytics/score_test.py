import random

import pytest

from brain.analytics.score import FocusLevel, focus_level, score_focus
from brain.analytics.session import Answer, Session
from brain.analytics.testing import SECOND_MS, Timeline, steady


def components(session: Session) -> dict:
    return {component.name: component for component in score_focus(session).components}


def growing_lapses() -> Timeline:
    """Five steady minutes, then blocks of answers split by idle and away gaps that keep growing."""
    timeline = steady(5)
    for gap_s in range(1, 6):
        timeline.answers(10).idle(gap_s * 4 * SECOND_MS).answers(10).away(gap_s * 4 * SECOND_MS)
    return timeline


def distracted() -> Timeline:
    """Two wrong answers at a time between a minute away from the app and half a minute idle."""
    timeline = Timeline()
    for _ in range(6):
        timeline.answers(2, correct=False).away(60 * SECOND_MS).idle(30 * SECOND_MS)
    return timeline


def realistic() -> Timeline:
    chance = random.Random(7)
    timeline = Timeline()
    for _ in range(120):
        timeline.answer(correct=chance.random() < 0.8, response_ms=chance.randint(800, 7_000))
        if chance.random() < 0.1:
            timeline.idle(chance.randint(3, 40) * SECOND_MS)
        if chance.random() < 0.05:
            timeline.away(chance.randint(1, 60) * SECOND_MS)
    return timeline


SESSIONS = {
    "empty": Session(96),
    "steady": steady(10).session(),
    "growing lapses": growing_lapses().session(),
    "distracted": distracted().session(),
    "realistic": realistic().session(),
}


def test_an_accurate_fast_steady_session_is_high():
    focus = score_focus(steady(10, response_ms=1_500).session())

    assert focus.level is FocusLevel.HIGH
    assert focus.score == pytest.approx(100)


def test_a_steady_session_scores_higher_than_one_with_growing_lapses():
    assert score_focus(steady(10).session()).score > score_focus(growing_lapses().session()).score


def test_a_session_mostly_away_with_wrong_answers_is_low():
    assert score_focus(distracted().session()).level is FocusLevel.LOW


@pytest.mark.parametrize("session", SESSIONS.values(), ids=SESSIONS.keys())
def test_the_components_points_add_up_to_the_score(session):
    focus = score_focus(session)

    assert sum(component.points for component in focus.components) == pytest.approx(focus.score)
    assert sum(component.weight for component in focus.components) == pytest.approx(1)
    for component in focus.components:
        assert 0 <= component.value <= 1
        assert component.points == pytest.approx(component.value * component.weight * 100)
        assert component.explanation


def test_an_empty_session_is_a_neutral_cold_start():
    focus = score_focus(Session(96))

    assert focus.score == pytest.approx(50)
    assert focus.level is FocusLevel.MODERATE
    assert all(component.value == 0.5 for component in focus.components)
    assert all("neutral" in component.explanation for component in focus.components)


@pytest.mark.parametrize(
    ("score", "level"),
    [
        (0, FocusLevel.LOW),
        (39.9, FocusLevel.LOW),
        (40, FocusLevel.MODERATE),
        (69.9, FocusLevel.MODERATE),
        (70, FocusLevel.HIGH),
        (100, FocusLevel.HIGH),
    ],
)
def test_levels_are_low_below_40_moderate_below_70_and_high_from_70(score, level):
    assert focus_level(score) is level


def test_accuracy_is_the_share_of_correct_answers():
    accuracy = components(Timeline().answers(6).answers(4, correct=False).session())["accuracy"]

    assert accuracy.value == pytest.approx(0.6)
    assert "6 of 10" in accuracy.explanation


def test_on_task_time_leaves_out_idle_and_away_time_and_names_the_distractions():
    session = Timeline().answers(30).idle(20 * SECOND_MS).away(10 * SECOND_MS).away(30 * SECOND_MS).session()

    on_task = components(session)["on_task_time"]

    assert on_task.value == pytest.approx(60 / 120)
    assert "away from the app twice for 40 s" in on_task.explanation


def test_rapid_guesses_make_responses_less_consistent():
    session = Timeline().answers(14, response_ms=3_000).answers(6, response_ms=500).session()

    consistency = components(session)["response_consistency"]

    assert consistency.value == pytest.approx(14 / 20)


def test_a_session_that_goes_from_all_right_to_all_wrong_has_no_steadiness_left():
    session = Timeline().answers(20).answers(20, correct=False).session()

    assert components(session)["steadiness"].value == 0


def test_half_a_lapse_a_minute_halves_the_lapse_component():
    timeline = Timeline()
    for _ in range(3):
        timeline.answers(50).idle(20 * SECOND_MS)  # three lapses in six minutes

    assert components(timeline.session())["lapse_rate"].value == pytest.approx(0.5)


def test_the_accuracy_explanation_reads_right_for_a_single_answer():
    session = Session(96, 60_000, (Answer(1_000, True, 2_000),))

    accuracy = next(c for c in score_focus(session).components if c.name == "accuracy")

    assert accuracy.explanation == "1 of 1 answer correct (100%)."
