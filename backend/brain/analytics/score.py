"""The focus score: 0-100, made of weighted components that each say what they saw.

Each component measures one side of focus on a 0-1 scale (1 the most focused) and earns
value x weight x 100 points; the points add up to the score. A component with nothing to go on
yet (no session time, no answers) takes NEUTRAL_VALUE, so an empty session scores 50, MODERATE.
The components and their weights are listed in COMPONENTS at the end of this module.
"""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from brain.analytics.features import Features, accuracy_drop, extract
from brain.analytics.lapses import MIN_BASELINE_ANSWERS, LapseCause
from brain.analytics.session import MS_PER_MINUTE, Session
from brain.analytics.wording import duration, percent, plural, seconds, times

NEUTRAL_VALUE = 0.5
LOW_BELOW = 40.0
HIGH_FROM = 70.0
# An answer within this factor of the learner's typical response time (either way) is a consistent one;
# much faster suggests guessing, much slower drifting off.
CONSISTENT_RESPONSE_FACTOR = 2.0
# One lapse a minute, on average, leaves nothing of the lapse component.
LAPSES_PER_MINUTE_FOR_ZERO = 1.0
# Steadiness is gone when accuracy falls by this much, or lapses rise by this many, from one half to the next.
ACCURACY_DROP_FOR_ZERO = 0.5
LAPSE_RISE_FOR_ZERO = 6


class FocusLevel(Enum):
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"


@dataclass(frozen=True, slots=True)
class ScoreComponent:
    name: str
    value: float
    weight: float
    points: float
    explanation: str


@dataclass(frozen=True, slots=True)
class FocusScore:
    score: float
    level: FocusLevel
    components: tuple[ScoreComponent, ...]


Measure = Callable[[Features], tuple[float, str]]


def score_focus(session: Session) -> FocusScore:
    features = extract(session)
    components = tuple(_component(name, weight, measure(features)) for name, weight, measure in COMPONENTS)
    score = sum(component.points for component in components)
    return FocusScore(score, focus_level(score), components)


def focus_level(score: float) -> FocusLevel:
    if score < LOW_BELOW:
        return FocusLevel.LOW
    return FocusLevel.MODERATE if score < HIGH_FROM else FocusLevel.HIGH


def _component(name: str, weight: float, measured: tuple[float, str]) -> ScoreComponent:
    value, explanation = measured
    return ScoreComponent(name, value, weight, value * weight * 100, explanation)


def _on_task_time(features: Features) -> tuple[float, str]:
    if not features.end_ms:
        return NEUTRAL_VALUE, "No session time yet; counted as neutral."
    share = features.on_task_ms / features.end_ms
    if share == 1:
        return share, f"On task all of {duration(features.end_ms)}, never idle or away from the app."
    return share, (
        f"On task {percent(share)} of {duration(features.end_ms)}: idle for {duration(features.idle_ms)}, "
        f"away from the app {times(features.distraction_count)} for {duration(features.distraction_ms)}."
    )


def _accuracy(features: Features) -> tuple[float, str]:
    answers = features.answers
    if not answers:
        return NEUTRAL_VALUE, "No answers yet; counted as neutral."
    correct = sum(answer.correct for answer in answers)
    share = correct / len(answers)
    return share, f"{correct} of {plural(len(answers), 'answer')} correct ({percent(share)})."


def _response_consistency(features: Features) -> tuple[float, str]:
    baseline = features.baseline
    if baseline is None:
        return NEUTRAL_VALUE, (
            f"Fewer than {MIN_BASELINE_ANSWERS} answers, too few to know the learner's typical response time; "
            "counted as neutral."
        )
    low = baseline.typical_ms / CONSISTENT_RESPONSE_FACTOR
    high = baseline.typical_ms * CONSISTENT_RESPONSE_FACTOR
    consistent = sum(low <= answer.response_time_ms <= high for answer in features.answers)
    total = len(features.answers)
    return consistent / total, (
        f"{consistent} of {total} answers came within a factor of {CONSISTENT_RESPONSE_FACTOR:g} "
        f"of the learner's typical response time of {seconds(baseline.typical_ms)}."
    )


def _lapse_rate(features: Features) -> tuple[float, str]:
    if not features.end_ms:
        return NEUTRAL_VALUE, "No session time yet; counted as neutral."
    if not features.lapses:
        return 1.0, f"No lapses in {duration(features.end_ms)}."
    causes = Counter(lapse.cause for lapse in features.lapses)
    per_minute = len(features.lapses) / (features.end_ms / MS_PER_MINUTE)
    return max(0.0, 1 - per_minute / LAPSES_PER_MINUTE_FOR_ZERO), (
        f"{plural(len(features.lapses), 'lapse')} in {duration(features.end_ms)} ({per_minute:.1f} a minute): "
        f"{causes[LapseCause.IDLE]} idle, {causes[LapseCause.FOCUS_LOST]} away from the app, "
        f"{plural(causes[LapseCause.SLOW_RESPONSE], 'answer')} far slower than usual."
    )


def _steadiness(features: Features) -> tuple[float, str]:
    if not features.end_ms:
        return NEUTRAL_VALUE, "No session time yet; counted as neutral."
    first, second = features.first_half, features.second_half
    decline = max(
        accuracy_drop(first, second) / ACCURACY_DROP_FOR_ZERO,
        (second.lapses - first.lapses) / LAPSE_RISE_FOR_ZERO,
    )
    lapses = f"lapses went from {first.lapses} in the first half to {second.lapses} in the second"
    if first.comparable and second.comparable:
        accuracy = f"Accuracy went from {percent(first.accuracy)} to {percent(second.accuracy)} and "
    else:
        accuracy = "Too few answers to compare accuracy; "
    return 1 - min(1.0, max(0.0, decline)), f"{accuracy}{lapses}."


COMPONENTS: tuple[tuple[str, float, Measure], ...] = (
    ("on_task_time", 0.30, _on_task_time),
    ("accuracy", 0.25, _accuracy),
    ("response_consistency", 0.15, _response_consistency),
    ("lapse_rate", 0.15, _lapse_rate),
    ("steadiness", 0.15, _steadiness),
)
