"""Linear Thompson sampling (Agrawal & Goyal 2013): a contextual bandit whose expected reward is linear in
the context, with a Gaussian posterior over the weights.

Posterior: mean A^-1 b, covariance v^2 A^-1, where A = I + sum x x^T and b = sum r x over observed
(context, reward) pairs. Ranking by a draw from the posterior explores exactly as much as the weights are
still uncertain.
"""

from dataclasses import dataclass

import numpy as np

# Scale of the posterior draw; rewards (mastery gains) are of the order of 0.1.
_EXPLORATION = 0.05


@dataclass(frozen=True, slots=True)
class LinearPosterior:
    precision: np.ndarray  # A
    evidence: np.ndarray  # b
    updates: int = 0

    @classmethod
    def prior(cls, dimensions: int) -> "LinearPosterior":
        return cls(np.eye(dimensions), np.zeros(dimensions))

    def updated(self, context: np.ndarray, reward: float) -> "LinearPosterior":
        return LinearPosterior(
            self.precision + np.outer(context, context), self.evidence + reward * context, self.updates + 1
        )

    def mean(self) -> np.ndarray:
        return np.linalg.solve(self.precision, self.evidence)

    def sample_weights(self, rng: np.random.Generator) -> np.ndarray:
        covariance = _EXPLORATION**2 * np.linalg.inv(self.precision)
        return rng.multivariate_normal(self.mean(), covariance, method="cholesky")

    def reward_sd(self, context: np.ndarray) -> float:
        """The posterior standard deviation of the expected reward in this context."""
        return float(_EXPLORATION * np.sqrt(context @ np.linalg.solve(self.precision, context)))

    def to_json(self) -> dict:
        return {"precision": self.precision.tolist(), "evidence": self.evidence.tolist(), "updates": self.updates}

    @classmethod
    def from_json(cls, data: dict) -> "LinearPosterior":
        return cls(np.array(data["precision"]), np.array(data["evidence"]), data["updates"])
