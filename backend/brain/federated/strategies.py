"""Aggregation strategies: thin policies over the maths in aggregate.py, chosen per model (Flower's strategies)."""

import enum
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from brain.federated import aggregate


class Strategy(enum.Enum):
    FEDAVG = "fedavg"
    MEDIAN = "median"
    TRIMMED_MEAN = "trimmed_mean"
    KRUM = "krum"


@dataclass(frozen=True, slots=True)
class StrategyOptions:
    """trimmed_mean_beta is the share cut from each end per coordinate; krum_byzantine is f, the number of
    attackers Krum tolerates, or None for the most the round allows, floor((n - 3) / 2)."""

    trimmed_mean_beta: float = 0.1
    krum_byzantine: int | None = None


@dataclass(frozen=True, slots=True)
class Update:
    """One client's flat float32 delta and its weight (sample count times the staleness discount)."""

    vector: np.ndarray
    weight: float


def combine(strategy: Strategy, updates: Iterable[Update], size: int, options: StrategyOptions) -> np.ndarray:
    """The aggregated delta. FedAvg streams `updates` once; the robust rules need them all and ignore weights,
    since a weight is what an attacker would inflate."""
    if strategy is Strategy.FEDAVG:
        return aggregate.weighted_mean(((u.vector, u.weight) for u in updates), size)
    vectors = [u.vector for u in updates]
    match strategy:
        case Strategy.MEDIAN:
            return aggregate.coordinate_median(vectors)
        case Strategy.TRIMMED_MEAN:
            return aggregate.trimmed_mean(vectors, options.trimmed_mean_beta)
        case Strategy.KRUM:
            byzantine = options.krum_byzantine if options.krum_byzantine is not None else (len(vectors) - 3) // 2
            return aggregate.krum(vectors, max(byzantine, 0))
