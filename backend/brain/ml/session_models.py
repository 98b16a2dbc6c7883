"""Engagement and focus as logistic models over a session so far, learnt from recorded sessions.

The features come from the focus analytics (brain.analytics), measured on the session up to a moment.
Recorded sessions teach the models by their own continuation: each moment, every two minutes, is one example,
labelled by what the learner did in the three minutes after it. Until a tenant has recorded enough examples
the models use default weights that encode the same direction of each effect (Beck 2005 engagement tracing;
idle gaps, distractions, slowing and falling accuracy go with disengagement).
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from brain.analytics import Answer, Session, score_focus
from brain.analytics.features import extract
from brain.analytics.stats import covered_ms, merge
from brain.ml.logistic import LogisticModel, fit_logistic

WINDOW_MS = 3 * 60_000
CUT_EVERY_MS = 2 * 60_000
# Fewer examples than this, or only one kind of label, leave a tenant on the default weights.
MIN_EXAMPLES_TO_FIT = 40
_TEN_MINUTES_MS = 600_000
_MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class SessionModel:
    name: str
    feature_names: tuple[str, ...]
    default_weights: tuple[float, ...]  # bias first
    features: Callable[[Session], np.ndarray]
    label: Callable[[Session, int], bool]  # the full session and a moment in it


@dataclass(frozen=True, slots=True)
class Example:
    cut_ms: int
    features: np.ndarray
    label: bool


def session_prefix(session: Session, cut_ms: int) -> Session:
    """The session as it stood at cut_ms: the events that had ended by then."""
    return Session(
        session.child_age_months,
        cut_ms,
        tuple(e for e in session.events if e.end_ms <= cut_ms),
        session.local_start_minute,
    )


def examples(model: SessionModel, session: Session) -> list[Example]:
    """One example per moment with a full window after it."""
    return [
        Example(cut, model.features(session_prefix(session, cut)), model.label(session, cut))
        for cut in range(CUT_EVERY_MS, session.end_ms - WINDOW_MS + 1, CUT_EVERY_MS)
    ]


def _engagement_features(session: Session) -> np.ndarray:
    f = extract(session)
    length_ms = max(f.end_ms, 1)
    first, second = f.first_half, f.second_half
    slowing = second.median_response_ms / first.median_response_ms - 1 if first.median_response_ms else 0.0
    accuracy_change = second.accuracy - first.accuracy if first.comparable and second.comparable else 0.0
    return np.array(
        [
            f.idle_ms / length_ms,
            f.distraction_count * _TEN_MINUTES_MS / length_ms,
            float(np.clip(slowing, -1.0, 3.0)) if second.median_response_ms else 0.0,
            accuracy_change,
            f.end_ms / 60_000,
            *_time_of_day(session),
        ]
    )


def _time_of_day(session: Session) -> tuple[float, float]:
    """The learner's local time now, on a circle so that 23:59 sits next to 00:00; (0, 0) when unknown."""
    if session.local_start_minute is None:
        return 0.0, 0.0
    angle = 2 * np.pi * ((session.local_start_minute + session.end_ms / 60_000) % _MINUTES_PER_DAY) / _MINUTES_PER_DAY
    return float(np.sin(angle)), float(np.cos(angle))


def _engaged(session: Session, cut_ms: int) -> bool:
    """Answered at least once in the window, and off task for less than half of it."""
    end_ms = cut_ms + WINDOW_MS
    answered = any(isinstance(e, Answer) and cut_ms <= e.offset_ms < end_ms for e in session.events)
    off_task = merge(
        (max(e.offset_ms, cut_ms), min(e.end_ms, end_ms))
        for e in session.events
        if not isinstance(e, Answer) and e.offset_ms < end_ms and e.end_ms > cut_ms
    )
    return answered and covered_ms(off_task) < WINDOW_MS / 2


def _focus_features(session: Session) -> np.ndarray:
    f = extract(session)
    length_ms = max(f.end_ms, 1)
    return np.array(
        [
            score_focus(session).score / 100,
            len(f.lapses) * _TEN_MINUTES_MS / length_ms,
            f.second_half.response_spread,
            f.end_ms / 60_000,
        ]
    )


def _focused(session: Session, cut_ms: int) -> bool:
    """No attention lapse (idle, away, or a response far slower than the learner's own) starts in the window."""
    return not any(cut_ms <= lapse.start_ms < cut_ms + WINDOW_MS for lapse in extract(session).lapses)


ENGAGEMENT = SessionModel(
    "engagement_logistic",
    (
        "idle_share",
        "distractions_per_10_min",
        "response_time_slowing",
        "accuracy_change",
        "minutes",
        "time_of_day_sin",
        "time_of_day_cos",
    ),
    # No default direction for the time of day: its weights come from a tenant's own recorded sessions.
    (2.0, -4.0, -0.5, -1.0, 1.0, -0.05, 0.0, 0.0),
    _engagement_features,
    _engaged,
)
FOCUS = SessionModel(
    "focus_logistic",
    ("focus_score", "lapses_per_10_min", "response_spread_second_half", "minutes"),
    (-2.0, 4.0, -0.5, -1.0, -0.03),
    _focus_features,
    _focused,
)
SESSION_MODELS = (ENGAGEMENT, FOCUS)


@dataclass(frozen=True, slots=True)
class SessionPrediction:
    probability: float
    confidence: float
    training_examples: int  # 0: the default weights


def fit_session_model(model: SessionModel, found: list[Example]) -> LogisticModel | None:
    """Weights fitted to a tenant's examples, or None while there are too few or all share one label."""
    labels = np.array([example.label for example in found])
    if len(found) < MIN_EXAMPLES_TO_FIT or labels.all() or not labels.any():
        return None
    return fit_logistic(np.array([example.features for example in found]), labels)


def predict_session(model: SessionModel, fitted: LogisticModel | None, session: Session) -> SessionPrediction:
    logistic = fitted or LogisticModel(np.array(model.default_weights), None)
    features = model.features(session)
    return SessionPrediction(logistic.probability(features), logistic.confidence(features), logistic.examples)
