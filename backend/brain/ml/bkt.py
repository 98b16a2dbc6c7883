"""Bayesian Knowledge Tracing (Corbett & Anderson 1994): the probability that a learner has mastered a skill,
updated from each answer by Bayes' rule and then by the chance of learning from the practice.
"""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BktParameters:
    """P(L0), P(T), P(G), P(S): typical starting values; pyBKT fits them per skill by EM once data exists."""

    prior: float = 0.2
    learn: float = 0.15
    guess: float = 0.2
    slip: float = 0.1


DEFAULT_BKT = BktParameters()


def update_mastery(mastery: float, correct: bool, parameters: BktParameters = DEFAULT_BKT) -> float:
    """P(L | answer), then P(L') = P(L | answer) + (1 - P(L | answer)) P(T)."""
    known, guess, slip = mastery, parameters.guess, parameters.slip
    if correct:
        posterior = known * (1 - slip) / (known * (1 - slip) + (1 - known) * guess)
    else:
        posterior = known * slip / (known * slip + (1 - known) * (1 - guess))
    return posterior + (1 - posterior) * parameters.learn


def expected_gain(mastery: float, parameters: BktParameters = DEFAULT_BKT) -> float:
    """The expected rise in mastery from one more practice: the Bayes step leaves the expectation unchanged,
    so what remains is the chance of learning, (1 - P(L)) P(T)."""
    return (1 - mastery) * parameters.learn
