"""Recorded answers: what the learner models learn from."""

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class LearnerKey:
    """A learner within a tenant: state is only ever read or written under both."""

    tenant_id: str
    learner_id: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """One answer. event_id makes recording idempotent; level places a new item on the difficulty scale;
    modality is how the item was presented, empty when unknown."""

    event_id: str
    skill: str
    item_id: str
    level: int
    correct: bool
    response_time_ms: int
    modality: str = ""


@dataclass(frozen=True, slots=True)
class RecordedOutcome:
    """The learner's rating on the skill after the answer; duplicate when the event was recorded before."""

    duplicate: bool
    ability: float
    attempts: int


@dataclass(frozen=True, slots=True)
class AbilityPoint:
    """The learner's rating on a skill right after one recorded answer."""

    skill: str
    recorded_at: datetime
    ability: float
    attempts: int
    correct: bool
