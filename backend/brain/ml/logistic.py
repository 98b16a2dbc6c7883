"""Logistic regression fitted by Newton's method with a small ridge penalty, and its uncertainty.

The inverse Hessian at the optimum is the covariance of the weights (the Laplace approximation), which gives
each prediction a standard error on the logit scale.
"""

from dataclasses import dataclass

import numpy as np

_RIDGE = 1.0
_ITERATIONS = 25


@dataclass(frozen=True, slots=True)
class LogisticModel:
    weights: np.ndarray  # bias first
    covariance: np.ndarray | None  # None for default weights, which no data backs
    examples: int = 0

    def probability(self, features: np.ndarray) -> float:
        return float(1.0 / (1.0 + np.exp(-(self.weights @ _with_bias(features)))))

    def confidence(self, features: np.ndarray) -> float:
        """1 / (1 + the standard error of the logit): near 1 where the data pin the prediction down, lower
        where they do not (as far from the examples); 0 for default weights, which no data backs."""
        if self.covariance is None:
            return 0.0
        x = _with_bias(features)
        return float(1.0 / (1.0 + np.sqrt(x @ self.covariance @ x)))

    def to_json(self) -> dict:
        covariance = None if self.covariance is None else self.covariance.tolist()
        return {"weights": self.weights.tolist(), "covariance": covariance, "examples": self.examples}

    @classmethod
    def from_json(cls, data: dict) -> "LogisticModel":
        covariance = None if data["covariance"] is None else np.array(data["covariance"])
        return cls(np.array(data["weights"]), covariance, data["examples"])


def fit_logistic(features: np.ndarray, labels: np.ndarray) -> LogisticModel:
    """Maximum a posteriori weights under a N(0, 1/ridge) prior (the bias unpenalised)."""
    x = np.column_stack([np.ones(len(features)), features])
    penalty = _RIDGE * np.eye(x.shape[1])
    penalty[0, 0] = 0.0
    weights = np.zeros(x.shape[1])
    for _ in range(_ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        gradient = x.T @ (labels - p) - penalty @ weights
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        weights = weights + step
        if np.max(np.abs(step)) < 1e-8:
            break
    return LogisticModel(weights, np.linalg.inv(hessian), len(labels))


def _with_bias(features: np.ndarray) -> np.ndarray:
    return np.concatenate([[1.0], features])
