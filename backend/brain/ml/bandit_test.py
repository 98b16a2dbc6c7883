import numpy as np
import pytest

from brain.ml.bandit import LinearPosterior


def test_the_posterior_mean_recovers_linear_rewards_from_enough_observations():
    rng = np.random.default_rng(1)
    truth = np.array([0.1, -0.2, 0.3])
    posterior = LinearPosterior.prior(3)
    for _ in range(500):
        context = rng.random(3)
        posterior = posterior.updated(context, float(context @ truth) + rng.normal(0, 0.01))

    assert posterior.mean() == pytest.approx(truth, abs=0.05)
    assert posterior.updates == 500


def test_uncertainty_about_a_context_shrinks_as_it_is_observed():
    context = np.array([1.0, 0.5])
    posterior = LinearPosterior.prior(2)

    before = posterior.reward_sd(context)
    for _ in range(10):
        posterior = posterior.updated(context, 0.1)

    assert posterior.reward_sd(context) < before / 3


def test_a_posterior_survives_a_round_trip_through_json():
    posterior = LinearPosterior.prior(2).updated(np.array([1.0, 2.0]), 0.5)

    again = LinearPosterior.from_json(posterior.to_json())

    assert np.array_equal(again.precision, posterior.precision) and again.updates == 1
