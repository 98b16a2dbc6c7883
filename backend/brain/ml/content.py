"""Content recommendation: a catalog ranked by a contextual bandit over what the learner models know.

Each item's context describes the learner facing it: the predicted chance of success (Elo), how close that is
to the middle (4 P (1 - P), so that with P itself any peak of reward over P can be learnt), whether its
prerequisites are mastered and how much of its skill is left to learn (BKT), and how the learner has done in
its modality. The bandit learns which contexts bring learning progress, the reward RecordOutcome observes
(the BKT mastery gain of an answer to a recommended item, as ZPDES rewards progress: Clement et al. 2015).
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from brain.errors import InvalidInputError
from brain.ml.bandit import LinearPosterior
from brain.ml.bkt import DEFAULT_BKT
from brain.ml.elo import success_probability
from brain.ml.levels import level_to_logit

FEATURES = ("bias", "success_probability", "challenge", "readiness", "room_to_learn", "modality_success")


@dataclass(frozen=True, slots=True)
class ContentItem:
    content_id: str
    skill: str
    level: int
    modality: str
    prerequisite_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LearnerView:
    """What the learner models hold for a catalog; anything missing is at its prior."""

    abilities: Mapping[str, float]
    masteries: Mapping[str, float]
    modality_success: Mapping[str, float]
    # Calibrated item difficulties in logits, by content_id; an item without answers sits at its level.
    item_difficulties: Mapping[str, float]

    def mastery(self, skill: str) -> float:
        return self.masteries.get(skill, DEFAULT_BKT.prior)


@dataclass(frozen=True, slots=True)
class Recommendation:
    content_id: str
    score: float
    reason: str
    context: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class ContentRanking:
    items: tuple[Recommendation, ...]
    # How far the answers so far narrowed the uncertainty about the first item's reward, 0-1.
    confidence: float


def catalog_for(catalog: Sequence[ContentItem], subject: str) -> list[ContentItem]:
    """The items practising the subject (all when it is empty); a content_id given twice is invalid input."""
    seen: set[str] = set()
    for index, item in enumerate(catalog):
        if item.content_id in seen:
            raise InvalidInputError(f"catalog[{index}].content_id", f"'{item.content_id}' appears twice")
        seen.add(item.content_id)
    return [item for item in catalog if not subject or item.skill == subject]


def item_context(item: ContentItem, learner: LearnerView) -> np.ndarray:
    difficulty = learner.item_difficulties.get(item.content_id, level_to_logit(item.level))
    p = success_probability(learner.abilities.get(item.skill, 0.0), difficulty)
    readiness = math.prod(learner.mastery(skill) for skill in item.prerequisite_ids)
    modality = learner.modality_success.get(item.modality, 0.5)
    return np.array([1.0, p, 4 * p * (1 - p), readiness, 1 - learner.mastery(item.skill), modality])


def recommend_content(
    catalog: Sequence[ContentItem],
    learner: LearnerView,
    posterior: LinearPosterior,
    limit: int,
    rng: np.random.Generator | None = None,
) -> ContentRanking:
    """The catalog ranked by one Thompson draw of the reward weights, best first, each with its reason."""
    rng = rng or np.random.default_rng()
    if not catalog:
        return ContentRanking((), 0.0)
    contexts = np.array([item_context(item, learner) for item in catalog])
    scores = contexts @ posterior.sample_weights(rng)
    expected = contexts @ posterior.mean()
    order = np.argsort(-scores, kind="stable")[:limit]
    items = tuple(
        Recommendation(
            catalog[i].content_id,
            float(scores[i]),
            _reason(catalog[i], contexts[i], float(expected[i]), posterior.reward_sd(contexts[i])),
            tuple(contexts[i]),
        )
        for i in order
    )
    top = contexts[order[0]]
    confidence = 1.0 - posterior.reward_sd(top) / LinearPosterior.prior(len(FEATURES)).reward_sd(top)
    return ContentRanking(items, confidence)


def _reason(item: ContentItem, context: np.ndarray, expected: float, sd: float) -> str:
    _, p, _, readiness, room, modality = context
    parts = [f"predicted success {p:.0%} at level {item.level}", f"{1 - room:.0%} of {item.skill} mastered"]
    if item.prerequisite_ids:
        parts.append(f"prerequisites mastered {readiness:.0%}")
    if item.modality:
        parts.append(f"{modality:.0%} success with {item.modality} items")
    gain = f"expected mastery gain {expected:+.3f} ± {sd:.3f}"
    if sd > abs(expected):
        gain += ", still uncertain, so explored"
    return f"{'; '.join(parts)}; {gain}"
