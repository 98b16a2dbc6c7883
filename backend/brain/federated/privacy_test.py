import math

import numpy as np
import pytest

from brain.federated.privacy import PrivacyOptions, add_gaussian_noise, epsilon_spent


def closed_form_epsilon(noise_multiplier: float, rounds: int, delta: float) -> float:
    """RDP of T Gaussian rounds, T alpha / (2 z^2), converted at the continuous optimum alpha:
    T / (2 z^2) + sqrt(2 T log(1/delta)) / z."""
    return rounds / (2 * noise_multiplier**2) + math.sqrt(2 * rounds * math.log(1 / delta)) / noise_multiplier


@pytest.mark.parametrize(("noise_multiplier", "rounds"), [(1.0, 1), (1.0, 10), (2.0, 5)])
def test_epsilon_of_composed_gaussian_rounds_matches_the_rdp_closed_form(noise_multiplier, rounds):
    epsilon = epsilon_spent([noise_multiplier] * rounds, 1e-5)

    assert epsilon == pytest.approx(closed_form_epsilon(noise_multiplier, rounds, 1e-5), rel=0.01)
    assert epsilon >= closed_form_epsilon(noise_multiplier, rounds, 1e-5)


def test_no_private_rounds_spend_no_epsilon():
    assert epsilon_spent([], 1e-5) == 0.0


def test_noise_on_the_mean_has_standard_deviation_z_c_over_n():
    options = PrivacyOptions(clip_norm=2.0, noise_multiplier=1.5, delta=1e-5)

    noisy = add_gaussian_noise(np.zeros(100_000, np.float32), options, clients=10, rng=np.random.default_rng(1))

    assert noisy.std() == pytest.approx(1.5 * 2.0 / 10, rel=0.02)
