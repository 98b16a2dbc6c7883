"""Central differential privacy for an aggregate: clip each update, add Gaussian noise, account the epsilon spent.

The mechanism is DP-FedAvg with fixed clipping (McMahan et al. 2018, "Learning Differentially Private Recurrent
Language Models"): every update is clipped to L2 norm <= C, the n clipped updates are averaged, and Gaussian noise
with standard deviation z * C / n is added to the mean. One client moves the mean by at most C / n, so each round
is a Gaussian mechanism with noise multiplier z.

Accounting is Renyi DP (Mironov 2017, "Renyi Differential Privacy"): a Gaussian mechanism with noise multiplier z
is (alpha, alpha / (2 z^2))-RDP for every order alpha > 1 (Proposition 7), rounds compose by adding their RDP
(Proposition 1), and (alpha, r)-RDP implies (r + log(1/delta) / (alpha - 1), delta)-DP (Proposition 3). Every
client of a round takes part, so no amplification by subsampling is claimed: the figure is an upper bound.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

# The orders tried, as in Opacus and TensorFlow Privacy's RDP accountants.
ORDERS = tuple([1 + x / 10.0 for x in range(1, 100)] + list(range(12, 64)))


@dataclass(frozen=True, slots=True)
class PrivacyOptions:
    """clip_norm is C, the L2 bound of one update; noise_multiplier is z; delta is the DP delta to report for."""

    clip_norm: float
    noise_multiplier: float
    delta: float


def add_gaussian_noise(mean: np.ndarray, options: PrivacyOptions, clients: int, rng: np.random.Generator) -> np.ndarray:
    """The mean of `clients` clipped updates plus N(0, (z C / n)^2) noise on every coordinate."""
    stddev = options.noise_multiplier * options.clip_norm / clients
    return (mean + rng.normal(0.0, stddev, size=mean.shape)).astype(np.float32)


def epsilon_spent(noise_multipliers: Iterable[float], delta: float) -> float:
    """The epsilon of all the given Gaussian rounds composed, at the given delta, minimised over the RDP orders;
    0 when there were none."""
    noise_multipliers = list(noise_multipliers)
    if not noise_multipliers:
        return 0.0
    rdp_per_order = [sum(alpha / (2 * z * z) for z in noise_multipliers) for alpha in ORDERS]
    return min(rdp + math.log(1 / delta) / (alpha - 1) for alpha, rdp in zip(ORDERS, rdp_per_order, strict=True))
