"""Between aivo.brain.v1 focus-analytics messages and the analytics domain's types."""

from aivo.brain.v1 import analytics_pb2 as pb
from brain.analytics import (
    Answer,
    AttentionAnalysis,
    BreakReasonKind,
    BreakRecommendation,
    Event,
    FocusLevel,
    FocusLost,
    FocusScore,
    Idle,
    LapseCause,
    Session,
)

_FOCUS_LEVELS = {
    FocusLevel.LOW: pb.FOCUS_LEVEL_LOW,
    FocusLevel.MODERATE: pb.FOCUS_LEVEL_MODERATE,
    FocusLevel.HIGH: pb.FOCUS_LEVEL_HIGH,
}
_BREAK_REASON_KINDS = {
    BreakReasonKind.TIME_ON_TASK: pb.BREAK_REASON_KIND_TIME_ON_TASK,
    BreakReasonKind.FALLING_ACCURACY: pb.BREAK_REASON_KIND_FALLING_ACCURACY,
    BreakReasonKind.RISING_RESPONSE_TIME_VARIABILITY: pb.BREAK_REASON_KIND_RISING_RESPONSE_TIME_VARIABILITY,
    BreakReasonKind.IDLE_STREAK: pb.BREAK_REASON_KIND_IDLE_STREAK,
    BreakReasonKind.DISTRACTIONS: pb.BREAK_REASON_KIND_DISTRACTIONS,
}
_LAPSE_CAUSES = {
    LapseCause.IDLE: pb.LAPSE_CAUSE_IDLE,
    LapseCause.FOCUS_LOST: pb.LAPSE_CAUSE_FOCUS_LOST,
    LapseCause.SLOW_RESPONSE: pb.LAPSE_CAUSE_SLOW_RESPONSE,
}


def session_from_proto(message: pb.FocusSession) -> Session:
    """The session in a validated FocusSession. The analyses do not use session_id or how focus was lost."""
    return Session(
        child_age_months=message.child_age_months,
        elapsed_ms=message.elapsed_ms,
        events=tuple(_event_from_proto(event) for event in message.events),
        local_start_minute=message.local_start_minute if message.HasField("local_start_minute") else None,
    )


def _event_from_proto(event: pb.FocusEvent) -> Event:
    match event.WhichOneof("kind"):
        case "answer":
            return Answer(event.offset_ms, event.answer.correct, event.answer.response_time_ms)
        case "idle":
            return Idle(event.offset_ms, event.idle.duration_ms)
        case "focus_lost":
            return FocusLost(event.offset_ms, event.focus_lost.duration_ms)
    raise ValueError("FocusEvent without a kind: the contract's validation did not run")


def focus_score_to_proto(score: FocusScore) -> pb.AnalyzeFocusResponse:
    return pb.AnalyzeFocusResponse(
        score=score.score,
        level=_FOCUS_LEVELS[score.level],
        components=[
            pb.ScoreComponent(
                name=component.name,
                value=component.value,
                weight=component.weight,
                points=component.points,
                explanation=component.explanation,
            )
            for component in score.components
        ],
    )


def break_to_proto(recommendation: BreakRecommendation) -> pb.PredictBreakResponse:
    return pb.PredictBreakResponse(
        break_now=recommendation.break_now,
        minutes_until_break=recommendation.minutes_until_break,
        break_length_minutes=recommendation.break_length_minutes,
        attention_span_minutes=recommendation.attention_span_minutes,
        time_on_task_minutes=recommendation.time_on_task_minutes,
        reasons=[
            pb.BreakReason(kind=_BREAK_REASON_KINDS[reason.kind], detail=reason.detail)
            for reason in recommendation.reasons
        ],
    )


def attention_to_proto(analysis: AttentionAnalysis) -> pb.AnalyzeAttentionResponse:
    vigilance = analysis.vigilance
    return pb.AnalyzeAttentionResponse(
        spans=[
            pb.AttentionSpan(start_ms=span.start_ms, end_ms=span.end_ms, answers=span.answers)
            for span in analysis.spans
        ],
        lapses=[
            pb.AttentionLapse(start_ms=lapse.start_ms, duration_ms=lapse.duration_ms, cause=_LAPSE_CAUSES[lapse.cause])
            for lapse in analysis.lapses
        ],
        mean_span_ms=analysis.mean_span_ms,
        longest_span_ms=analysis.longest_span_ms,
        distraction_count=analysis.distraction_count,
        distraction_ms=analysis.distraction_ms,
        vigilance=pb.VigilanceDecrement(
            accuracy_first_half=vigilance.accuracy_first_half,
            accuracy_second_half=vigilance.accuracy_second_half,
            median_response_time_first_half_ms=vigilance.median_response_time_first_half_ms,
            median_response_time_second_half_ms=vigilance.median_response_time_second_half_ms,
            lapses_first_half=vigilance.lapses_first_half,
            lapses_second_half=vigilance.lapses_second_half,
            decrement=vigilance.decrement,
        ),
    )
