"""Elo for adaptive practice (Pelánek 2016): one rating per learner and skill, one per item.

P(correct) = sigmoid(ability - difficulty). After an answer with score s (1 right, 0 wrong, or a partial
score), ability += K(n)(s - P) and difficulty -= K(m)(s - P), where K(n) = alpha / (1 + beta n) shrinks with
the number of answers n the rating has seen, so early answers move a rating fast and later ones fine-tune it.
"""

import math
from dataclasses import dataclass, replace

from brain.ml.levels import sigmoid


@dataclass(frozen=True, slots=True)
class EloParameters:
    """The learning-rate schedule K(n) = alpha / (1 + beta n), for learners and for items."""

    alpha: float = 1.0
    beta: float = 0.05
    # The spread of abilities before any answer, in logits: it sets how much one answer is worth in confidence.
    prior_sd: float = 1.0

    def k(self, attempts: int) -> float:
        return self.alpha / (1.0 + self.beta * attempts)


DEFAULT_ELO = EloParameters()


@dataclass(frozen=True, slots=True)
class Rating:
    """A rating in logits, how many answers made it, and their Fisher information (the sum of P(1 - P)),
    which says how precisely the answers pin the rating down."""

    value: float = 0.0
    attempts: int = 0
    information: float = 0.0


@dataclass(frozen=True, slots=True)
class EloUpdate:
    learner: Rating
    item: Rating
    # The success probability the model gave before it saw the answer: what calibration is measured on.
    predicted: float


def success_probability(ability: float, difficulty: float) -> float:
    return sigmoid(ability - difficulty)


def update(learner: Rating, item: Rating, score: float, parameters: EloParameters = DEFAULT_ELO) -> EloUpdate:
    """Both ratings after one answer scored 0-1."""
    predicted = success_probability(learner.value, item.value)
    surprise = score - predicted
    information = predicted * (1.0 - predicted)
    return EloUpdate(
        learner=_moved(learner, parameters.k(learner.attempts) * surprise, information),
        item=_moved(item, -parameters.k(item.attempts) * surprise, information),
        predicted=predicted,
    )


def _moved(rating: Rating, step: float, information: float) -> Rating:
    return replace(
        rating, value=rating.value + step, attempts=rating.attempts + 1, information=rating.information + information
    )


def confidence(rating: Rating, parameters: EloParameters = DEFAULT_ELO) -> float:
    """1 - (standard error / prior spread), with the standard error of the normal approximation to the
    posterior: 0 before any answer, approaching 1 as answers accumulate."""
    standard_error = 1.0 / math.sqrt(parameters.prior_sd**-2 + rating.information)
    return 1.0 - standard_error / parameters.prior_sd
