import random

import pytest

from brain.analytics import analyze_attention, recommend_break, score_focus
from brain.analytics.features import extract
from brain.analytics.session import FocusLost, Session
from brain.analytics.testing import SECOND_MS, Timeline


def mixed() -> Timeline:
    timeline = Timeline().answers(12).idle(8 * SECOND_MS).answers(6, correct=False).away(20 * SECOND_MS)
    return timeline.answer(response_ms=15 * SECOND_MS).answers(10, response_ms=2_500).idle(4 * SECOND_MS)


@pytest.mark.parametrize("analysis", [score_focus, recommend_break, analyze_attention])
def test_the_order_events_arrive_in_does_not_change_the_analysis(analysis):
    in_order = mixed().session()
    shuffled = list(in_order.events)
    random.Random(3).shuffle(shuffled)

    assert analysis(Session(96, events=tuple(shuffled))) == analysis(in_order)


def test_an_event_starting_at_the_midpoint_belongs_to_the_second_half():
    features = extract(Timeline().answers(5).answers(5).session())  # the sixth answer starts at 10 s of 20

    assert (features.first_half.answers, features.second_half.answers) == (5, 5)


def test_on_task_time_counts_overlapping_idle_and_away_time_once():
    timeline = Timeline().answers(5).idle(10 * SECOND_MS)
    timeline.events.append(FocusLost(15_000, 10_000))

    features = extract(timeline.session())  # off task from 10 s to 25 s

    assert features.end_ms == 25_000
    assert features.on_task_ms == 10_000
