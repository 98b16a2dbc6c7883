"""Difficulty prediction: the level at which a learner's predicted chance of success is nearest the target."""

from collections.abc import Sequence
from dataclasses import dataclass

from brain.ml.elo import DEFAULT_ELO, EloParameters, Rating, confidence, success_probability, update
from brain.ml.levels import level_to_logit, logit, logit_to_level

# Math Garden aims at 0.75 (Pelánek 2016); the "85% rule" (Wilson et al. 2019) argues for about 0.85.
DEFAULT_TARGET_SUCCESS_RATE = 0.75


@dataclass(frozen=True, slots=True)
class DifficultyPrediction:
    recommended_level: int
    predicted_success_probability: float
    current_level_success_probability: float
    ability: float
    confidence: float
    cold_start: bool


def predict_difficulty(
    recorded: Rating | None,
    current_level: int,
    recent_performance: Sequence[float],
    target: float = DEFAULT_TARGET_SUCCESS_RATE,
    parameters: EloParameters = DEFAULT_ELO,
) -> DifficultyPrediction:
    """Recommends the level nearest the target success rate for a learner's rating on a subject.

    With recorded outcomes (recorded is not None) the recorded rating is the estimate, and recent_performance
    is not counted again. Cold start (nothing recorded): a learner practising at current_level is assumed to
    succeed there about as often as the target, and the recent scores then move that estimate as answers at
    current_level would; with no recent scores either, the confidence is 0.
    """
    cold_start = recorded is None
    rating = _cold_start_rating(current_level, recent_performance, target, parameters) if cold_start else recorded
    recommended = logit_to_level(rating.value - logit(target))
    return DifficultyPrediction(
        recommended_level=recommended,
        predicted_success_probability=success_probability(rating.value, level_to_logit(recommended)),
        current_level_success_probability=success_probability(rating.value, level_to_logit(current_level)),
        ability=rating.value,
        confidence=confidence(rating, parameters),
        cold_start=cold_start,
    )


def _cold_start_rating(
    current_level: int, recent_performance: Sequence[float], target: float, parameters: EloParameters
) -> Rating:
    difficulty = level_to_logit(current_level)
    rating = Rating(value=difficulty + logit(target))
    item = Rating(value=difficulty)
    for score in recent_performance:
        rating = update(rating, item, score, parameters).learner
    return rating
