"""Simulated learners whose truth is known, for measuring the learner models.

Each learner has a true ability on the level scale's logits and answers an item of difficulty d correctly
with probability sigmoid(ability - d): the Rasch (1PL IRT) model, the same form Elo assumes, so any gap
between estimate and truth is the estimator's.
"""

from dataclasses import dataclass, field

import numpy as np

from brain.analytics import Answer, Event, FocusLost, Idle, Session
from brain.ml.bandit import LinearPosterior
from brain.ml.content import FEATURES, ContentItem, LearnerView, item_context, recommend_content
from brain.ml.difficulty import DEFAULT_TARGET_SUCCESS_RATE, predict_difficulty
from brain.ml.elo import Rating, update
from brain.ml.levels import level_to_logit, sigmoid


@dataclass(frozen=True, slots=True)
class SimulatedLearner:
    true_ability: float

    def answers_correctly(self, difficulty: float, rng: np.random.Generator) -> bool:
        return bool(rng.random() < sigmoid(self.true_ability - difficulty))


@dataclass(slots=True)
class PracticeLog:
    """What adaptive practice did: per answer, the probability predicted before it and whether it was right."""

    predicted: list[float] = field(default_factory=list)
    correct: list[bool] = field(default_factory=list)


def learners_of_known_ability(count: int, rng: np.random.Generator) -> list[SimulatedLearner]:
    return [SimulatedLearner(float(a)) for a in rng.normal(0.0, 1.0, count)]


def practise_adaptively(
    learner: SimulatedLearner,
    answers: int,
    rng: np.random.Generator,
    target: float = DEFAULT_TARGET_SUCCESS_RATE,
    start_level: int = 50,
) -> tuple[Rating, PracticeLog]:
    """The learner answers items at the level PredictDifficulty recommends, each answer updating the rating
    as RecordOutcome does; items sit at their level's true difficulty."""
    rating: Rating | None = None
    log = PracticeLog()
    level = start_level
    for _ in range(answers):
        level = predict_difficulty(rating, level, (), target).recommended_level
        difficulty = level_to_logit(level)
        correct = learner.answers_correctly(difficulty, rng)
        step = update(rating or Rating(), Rating(difficulty), float(correct))
        rating = step.learner
        log.predicted.append(step.predicted)
        log.correct.append(correct)
    return rating or Rating(), log


def spearman(a: list[float], b: list[float]) -> float:
    """Spearman's rank correlation (the values are continuous, so ties do not occur)."""
    ranks_a, ranks_b = (np.argsort(np.argsort(x)) for x in (a, b))
    return float(np.corrcoef(ranks_a, ranks_b)[0, 1])


def calibration_error(predicted: list[float], correct: list[bool], bins: int = 10) -> float:
    """Expected calibration error: the answer-weighted mean gap between predicted and observed success
    over equal-width bins of predicted probability."""
    p, c = np.asarray(predicted), np.asarray(correct, dtype=float)
    which = np.minimum((p * bins).astype(int), bins - 1)
    gaps = [abs(p[which == b].mean() - c[which == b].mean()) * np.sum(which == b) for b in np.unique(which)]
    return float(sum(gaps) / len(p))


def true_learning_gain(learner: SimulatedLearner, item: ContentItem) -> float:
    """The simulated truth of how much practising an item teaches: most where the learner succeeds about
    three times in four, nothing where success is certain or hopeless by more than half of that."""
    p = sigmoid(learner.true_ability - level_to_logit(item.level))
    return 0.2 * max(0.0, 1.0 - ((p - 0.75) / 0.5) ** 2)


def recommendation_regret(
    learners: list[SimulatedLearner], catalog: list[ContentItem], steps: int, rng: np.random.Generator, *, bandit: bool
) -> float:
    """Total regret (best item's true gain minus the chosen one's) of recommending to each learner in turn for
    a number of steps, with one posterior shared by all, as one tenant's is; bandit=False picks at random.
    Each answer updates the learner's Elo rating, and the bandit sees the true gain plus noise."""
    posterior = LinearPosterior.prior(len(FEATURES))
    regret = 0.0
    for learner in learners:
        rating = Rating()
        for _ in range(steps):
            view = LearnerView({"math": rating.value}, {}, {}, {})
            if bandit:
                chosen_id = recommend_content(catalog, view, posterior, 1, rng).items[0].content_id
                item = next(item for item in catalog if item.content_id == chosen_id)
            else:
                item = catalog[rng.integers(len(catalog))]
            gain = true_learning_gain(learner, item)
            regret += max(true_learning_gain(learner, other) for other in catalog) - gain
            posterior = posterior.updated(item_context(item, view), gain + rng.normal(0.0, 0.05))
            difficulty = level_to_logit(item.level)
            rating = update(rating, Rating(difficulty), float(learner.answers_correctly(difficulty, rng))).learner
    return regret


def simulated_session(rng: np.random.Generator, minutes: int, fades_at_minute: float | None) -> Session:
    """A practice session of a learner who answers steadily every 8-12 s, and after fades_at_minute (if any)
    drifts: long idle gaps, switching away from the app, slower and less accurate answers."""
    events: list[Event] = []
    now, end = 0, minutes * 60_000
    while True:
        faded = fades_at_minute is not None and now >= fades_at_minute * 60_000
        away = int(rng.uniform(20_000, 60_000)) if faded and rng.random() < 0.5 else 0
        response = int(rng.uniform(2_000, 4_000) * (2.5 if faded else 1.0))
        if now + away + response > end:
            return Session(96, end, tuple(events))
        if away:
            events.append(FocusLost(now, away) if rng.random() < 0.5 else Idle(now, away))
            now += away
        events.append(Answer(now, bool(rng.random() < (0.5 if faded else 0.85)), response))
        now += response + int(rng.uniform(6_000, 8_000))
