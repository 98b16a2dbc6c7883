"""Simulated federated clients on a problem with a known central answer: linear regression by least squares."""

from dataclasses import dataclass

import numpy as np

from brain.federated.model import Settings, TensorData
from brain.federated.service import Submission
from brain.federated.strategies import Strategy, StrategyOptions, Update, combine

DEFAULT_OPTIONS = StrategyOptions()


@dataclass(frozen=True, slots=True)
class Client:
    features: np.ndarray
    targets: np.ndarray


def linear_clients(rng: np.random.Generator, count: int = 10, dimensions: int = 5) -> list[Client]:
    """Clients holding 20-80 noisy samples each of the same linear model."""
    truth = rng.normal(size=dimensions)
    clients = []
    for _ in range(count):
        features = rng.normal(size=(int(rng.integers(20, 81)), dimensions))
        clients.append(Client(features, features @ truth + rng.normal(scale=0.1, size=len(features))))
    return clients


def central_solution(clients: list[Client]) -> np.ndarray:
    """Least squares on everybody's data pooled: what training in one place finds."""
    features = np.concatenate([c.features for c in clients])
    targets = np.concatenate([c.targets for c in clients])
    return np.linalg.lstsq(features, targets, rcond=None)[0]


def local_delta(weights: np.ndarray, client: Client, steps: int = 5, learning_rate: float = 0.1) -> np.ndarray:
    """A few steps of full-batch gradient descent on the client's squared error, as the weight change."""
    local = weights.astype(np.float64)
    for _ in range(steps):
        local -= learning_rate * client.features.T @ (client.features @ local - client.targets) / len(client.targets)
    return (local - weights).astype(np.float32)


def train(
    clients: list[Client],
    strategy: Strategy,
    rounds: int = 30,
    attackers: int = 0,
    attack_scale: float = -10.0,
    options: StrategyOptions = DEFAULT_OPTIONS,
) -> np.ndarray:
    """Federated rounds from zero weights; the first `attackers` clients send their honest delta times
    attack_scale (negative: flipped and scaled) and claim the most samples."""
    weights = np.zeros(clients[0].features.shape[1], dtype=np.float32)
    most = max(len(c.targets) for c in clients)
    for _ in range(rounds):
        updates = [
            Update(local_delta(weights, c) * attack_scale, most)
            if i < attackers
            else Update(local_delta(weights, c), len(c.targets))
            for i, c in enumerate(clients)
        ]
        weights = weights + combine(strategy, updates, len(weights), options)
    return weights


def tensor(values, name: str = "w") -> TensorData:
    """A one-dimensional tensor as a client packs it."""
    array = np.asarray(values, dtype="<f4")
    return TensorData(name, array.shape, array.tobytes())


def settings(**overrides) -> Settings:
    """Settings for a small test model: FedAvg, rounds of two clients lasting a minute, norms up to 100."""
    given = dict(
        strategy=Strategy.FEDAVG,
        shared=False,
        min_clients=2,
        round_duration_s=60,
        max_update_norm=100.0,
        max_staleness=2,
        staleness_exponent=1.0,
    )
    return Settings(**{**given, **overrides})


def submission(
    values,
    *,
    client: str = "c-1",
    update_id: str | None = None,
    round_: int = 1,
    base_version: int = 1,
    samples: int = 10,
    model_id: str = "m",
) -> Submission:
    return Submission(
        model_id, client, update_id or f"{client}-{round_}", round_, base_version, samples, (tensor(values),)
    )
