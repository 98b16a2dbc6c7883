"""The break recommendation: when the learner should stop for a break, why, and for how long.

The age-appropriate sustained-attention span follows the common clinical rule of thumb that a child
can stay on one task for about 2-3 minutes per year of age (a guideline used by paediatric and
educational practitioners, not a measured norm). We take the upper end, 3 minutes per year, because
time on task here already leaves out idle and away time and the fatigue signals below bring a break
forward; the rule is meant for children and reaches 30 minutes at ten, where we cap it so older
learners still get a break every half hour. The break itself is a fifth of the span (the Pomodoro
technique's 25 minutes of work to 5 of rest), at least MIN_BREAK_MINUTES.

Time on task is the session's time that was neither idle nor away from the app; the app starts a new
session after a break. Each fatigue signal seen in the second half of the session brings the break
forward by a quarter of the span; the break is due when time on task reaches the shortened span.
"""

from dataclasses import dataclass
from enum import Enum
from math import ceil

from brain.analytics.features import FALLING_ACCURACY_DROP, Features, Half, accuracy_drop, extract
from brain.analytics.session import MS_PER_MINUTE, Session
from brain.analytics.wording import duration, percent, times

MINUTES_PER_YEAR_OF_AGE = 3
MONTHS_PER_YEAR = 12
MAX_SPAN_MINUTES = 30
WORK_TO_BREAK_RATIO = 5
MIN_BREAK_MINUTES = 3
SIGNAL_SHORTENS_SPAN_BY = 0.25
# Response times are erratic when their spread (scaled MAD over median) grows by this factor and
# reaches at least ERRATIC_SPREAD, so a very steady start does not make a small wobble look erratic.
RISING_SPREAD_FACTOR = 1.5
ERRATIC_SPREAD = 0.25
# Idle streak: this many idle gaps, or this share of the half spent idle.
IDLE_STREAK_GAPS = 3
IDLE_STREAK_SHARE = 0.2
DISTRACTION_STREAK = 3


class BreakReasonKind(Enum):
    TIME_ON_TASK = "time_on_task"
    FALLING_ACCURACY = "falling_accuracy"
    RISING_RESPONSE_TIME_VARIABILITY = "rising_response_time_variability"
    IDLE_STREAK = "idle_streak"
    DISTRACTIONS = "distractions"


@dataclass(frozen=True, slots=True)
class BreakReason:
    kind: BreakReasonKind
    detail: str


@dataclass(frozen=True, slots=True)
class BreakRecommendation:
    break_now: bool
    minutes_until_break: int  # 0 when break_now
    break_length_minutes: int
    attention_span_minutes: int
    time_on_task_minutes: float
    reasons: tuple[BreakReason, ...]  # strongest first


@dataclass(frozen=True, slots=True)
class _Signal:
    strength: float  # how many times its threshold the signal reached
    reason: BreakReason


def attention_span_minutes(child_age_months: int) -> int:
    return min(MAX_SPAN_MINUTES, MINUTES_PER_YEAR_OF_AGE * child_age_months // MONTHS_PER_YEAR)


def recommend_break(session: Session) -> BreakRecommendation:
    features = extract(session)
    span = attention_span_minutes(session.child_age_months)
    on_task = features.on_task_ms / MS_PER_MINUTE
    signals = _fatigue_signals(features)
    due = span * max(0.0, 1 - SIGNAL_SHORTENS_SPAN_BY * len(signals))
    if on_task >= span:
        signals.append(_time_on_task(features.on_task_ms, span, session.child_age_months))
    signals.sort(key=lambda signal: signal.strength, reverse=True)
    return BreakRecommendation(
        break_now=on_task >= due,
        minutes_until_break=max(0, ceil(due - on_task)),
        break_length_minutes=max(MIN_BREAK_MINUTES, ceil(span / WORK_TO_BREAK_RATIO)),
        attention_span_minutes=span,
        time_on_task_minutes=on_task,
        reasons=tuple(signal.reason for signal in signals),
    )


def _fatigue_signals(features: Features) -> list[_Signal]:
    first, second = features.first_half, features.second_half
    signals = (
        _falling_accuracy(first, second),
        _rising_variability(first, second),
        _idle_streak(second),
        _distractions(second),
    )
    return [signal for signal in signals if signal is not None]


def _time_on_task(on_task_ms: int, span: int, child_age_months: int) -> _Signal:
    return _Signal(
        on_task_ms / MS_PER_MINUTE / span,
        BreakReason(
            BreakReasonKind.TIME_ON_TASK,
            f"{duration(on_task_ms)} on task, against an attention span of about {span} minutes "
            f"at {child_age_months // MONTHS_PER_YEAR} years.",
        ),
    )


def _falling_accuracy(first: Half, second: Half) -> _Signal | None:
    drop = accuracy_drop(first, second)
    if drop < FALLING_ACCURACY_DROP:
        return None
    return _Signal(
        drop / FALLING_ACCURACY_DROP,
        BreakReason(
            BreakReasonKind.FALLING_ACCURACY,
            f"Accuracy fell from {percent(first.accuracy)} in the first half to {percent(second.accuracy)} "
            "in the second.",
        ),
    )


def _rising_variability(first: Half, second: Half) -> _Signal | None:
    if not (first.comparable and second.comparable):
        return None
    threshold = max(first.response_spread * RISING_SPREAD_FACTOR, ERRATIC_SPREAD)
    if second.response_spread < threshold:
        return None
    return _Signal(
        second.response_spread / threshold,
        BreakReason(
            BreakReasonKind.RISING_RESPONSE_TIME_VARIABILITY,
            f"Response times grew erratic: they strayed about {percent(first.response_spread)} from the typical "
            f"time in the first half and {percent(second.response_spread)} in the second.",
        ),
    )


def _idle_streak(second: Half) -> _Signal | None:
    strength = max(second.idle_count / IDLE_STREAK_GAPS, second.idle_share / IDLE_STREAK_SHARE)
    if strength < 1:
        return None
    return _Signal(
        strength,
        BreakReason(
            BreakReasonKind.IDLE_STREAK,
            f"Idle {times(second.idle_count)} for {duration(second.idle_ms)} in all in the second half of the session.",
        ),
    )


def _distractions(second: Half) -> _Signal | None:
    if second.focus_losses < DISTRACTION_STREAK:
        return None
    return _Signal(
        second.focus_losses / DISTRACTION_STREAK,
        BreakReason(
            BreakReasonKind.DISTRACTIONS,
            f"The app left the foreground {times(second.focus_losses)} in the second half of the session.",
        ),
    )
