import random
from collections.abc import Callable
from dataclasses import asdict
from typing import TypeVar

import protovalidate
import pytest
from google.protobuf.message import Message

from aivo.brain.v1 import analytics_pb2 as pb
from brain.analytics import (
    Answer,
    BreakReason,
    BreakReasonKind,
    BreakRecommendation,
    Event,
    FocusLost,
    Idle,
    LapseCause,
    Session,
    analyze_attention,
    recommend_break,
    score_focus,
)
from brain.convert.analytics import attention_to_proto, break_to_proto, focus_score_to_proto, session_from_proto
from brain.errors import InvalidInputError

M = TypeVar("M", bound=Message)
T = TypeVar("T")


def answer(offset_ms: int, correct: bool, response_time_ms: int) -> tuple[pb.FocusEvent, Event]:
    reply = pb.AnswerEvent(correct=correct, response_time_ms=response_time_ms)
    return pb.FocusEvent(offset_ms=offset_ms, answer=reply), Answer(offset_ms, correct, response_time_ms)


def idle(offset_ms: int, duration_ms: int) -> tuple[pb.FocusEvent, Event]:
    return pb.FocusEvent(offset_ms=offset_ms, idle=pb.IdleEvent(duration_ms=duration_ms)), Idle(offset_ms, duration_ms)


def tab_hidden(offset_ms: int, duration_ms: int) -> tuple[pb.FocusEvent, Event]:
    message = pb.FocusEvent(
        offset_ms=offset_ms,
        focus_lost=pb.FocusLostEvent(cause=pb.FOCUS_LOSS_CAUSE_TAB_HIDDEN, duration_ms=duration_ms),
    )
    return message, FocusLost(offset_ms, duration_ms)


def realistic_session() -> tuple[pb.FocusSession, Session]:
    """Eight minutes of a seven-year-old's practice, shuffled: answers with pauses, two idle gaps, one tab
    switch and one very slow answer; with the domain session it stands for."""
    chance = random.Random(11)
    events = []
    now_ms = 0
    for item in range(90):
        response_ms = 14_000 if item == 60 else chance.randint(1_200, 4_500)
        events.append(answer(now_ms, chance.random() < 0.85, response_ms))
        now_ms += response_ms + 1_000
        if item in (25, 70):
            events.append(idle(now_ms, 12_000))
            now_ms += 12_000
        if item == 45:
            events.append(tab_hidden(now_ms, 30_000))
            now_ms += 30_000
    chance.shuffle(events)
    message = pb.FocusSession(
        session_id="s-42", child_age_months=84, elapsed_ms=480_000, events=[message for message, _ in events]
    )
    return message, Session(84, 480_000, tuple(event for _, event in events))


def over_the_wire(message: M) -> M:
    return type(message).FromString(message.SerializeToString())


def fields(message: Message, like: object) -> dict:
    """The message's fields named like the domain object's, to compare the two."""
    return {name: getattr(message, name) for name in asdict(like)}


def analysed(analysis: Callable[[Session], T]) -> T:
    return analysis(session_from_proto(realistic_session()[0]))


def test_a_realistic_session_arrives_as_the_session_it_stands_for():
    message, session = realistic_session()
    protovalidate.validate(message)

    assert session_from_proto(over_the_wire(message)) == session


def test_an_answer_reaching_past_the_elapsed_time_is_refused_by_the_contract_and_the_domain():
    reply, _ = answer(9_000, True, 2_000)
    message = pb.FocusSession(child_age_months=60, elapsed_ms=10_000, events=[reply])

    violations = protovalidate.collect_violations(message)
    with pytest.raises(InvalidInputError) as refused:
        session_from_proto(message)

    assert [violation.proto.rule_id for violation in violations] == ["focus_session.elapsed_covers_events"]
    assert refused.value.field == "session.elapsed_ms"


def test_an_event_without_a_kind_is_a_programming_error_not_a_silent_default():
    with pytest.raises(ValueError, match="without a kind"):
        session_from_proto(pb.FocusSession(child_age_months=60, events=[pb.FocusEvent(offset_ms=5)]))


def test_the_focus_score_round_trips_with_every_component():
    score = analysed(score_focus)

    response = over_the_wire(focus_score_to_proto(score))

    assert response.score == score.score
    assert pb.FocusLevel.Name(response.level) == f"FOCUS_LEVEL_{score.level.name}"
    assert [fields(proto, domain) for proto, domain in zip(response.components, score.components, strict=True)] == [
        asdict(component) for component in score.components
    ]


def test_the_break_recommendation_round_trips():
    advice = analysed(recommend_break)

    response = over_the_wire(break_to_proto(advice))

    assert response.break_now == advice.break_now
    assert response.minutes_until_break == advice.minutes_until_break
    assert response.break_length_minutes == advice.break_length_minutes
    assert response.attention_span_minutes == advice.attention_span_minutes == 21
    assert response.time_on_task_minutes == advice.time_on_task_minutes


def test_every_break_reason_kind_has_its_namesake_in_the_contract():
    advice = BreakRecommendation(
        break_now=True,
        minutes_until_break=0,
        break_length_minutes=3,
        attention_span_minutes=15,
        time_on_task_minutes=20.0,
        reasons=tuple(BreakReason(kind, kind.value) for kind in BreakReasonKind),
    )

    response = break_to_proto(advice)

    assert [pb.BreakReasonKind.Name(reason.kind) for reason in response.reasons] == [
        f"BREAK_REASON_KIND_{kind.name}" for kind in BreakReasonKind
    ]
    assert [reason.detail for reason in response.reasons] == [kind.value for kind in BreakReasonKind]


def test_the_attention_analysis_round_trips_with_spans_lapses_and_vigilance():
    analysis = analysed(analyze_attention)

    response = over_the_wire(attention_to_proto(analysis))

    assert [fields(proto, domain) for proto, domain in zip(response.spans, analysis.spans, strict=True)] == [
        asdict(span) for span in analysis.spans
    ]
    assert [(lapse.start_ms, lapse.duration_ms, pb.LapseCause.Name(lapse.cause)) for lapse in response.lapses] == [
        (lapse.start_ms, lapse.duration_ms, f"LAPSE_CAUSE_{lapse.cause.name}") for lapse in analysis.lapses
    ]
    assert {lapse.cause for lapse in analysis.lapses} == set(LapseCause)
    assert response.mean_span_ms == analysis.mean_span_ms
    assert response.longest_span_ms == analysis.longest_span_ms
    assert (response.distraction_count, response.distraction_ms) == (1, 30_000)
    assert fields(response.vigilance, analysis.vigilance) == asdict(analysis.vigilance)


@pytest.mark.parametrize("start_minute", [0, 17 * 60 + 30])
def test_the_local_start_time_comes_through_when_it_was_sent(start_minute):
    message = pb.FocusSession(child_age_months=60, local_start_minute=start_minute)

    assert session_from_proto(message).local_start_minute == start_minute


def test_an_unsent_local_start_time_stays_unknown():
    assert session_from_proto(pb.FocusSession(child_age_months=60)).local_start_minute is None
