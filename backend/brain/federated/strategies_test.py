import numpy as np
import pytest

from brain.federated.strategies import Strategy, StrategyOptions, Update, combine
from brain.federated.testing import central_solution, linear_clients, train

# How close federated training must come to least squares on the pooled data, in L2 distance of the weights.
TOLERANCE = 0.005


@pytest.fixture
def clients():
    return linear_clients(np.random.default_rng(7))


def test_fedavg_over_honest_clients_recovers_the_centrally_trained_model(clients):
    weights = train(clients, Strategy.FEDAVG)

    assert np.linalg.norm(weights - central_solution(clients)) < TOLERANCE


@pytest.mark.parametrize(
    ("strategy", "options"),
    [
        (Strategy.MEDIAN, StrategyOptions()),
        (Strategy.TRIMMED_MEAN, StrategyOptions(trimmed_mean_beta=0.3)),
        (Strategy.KRUM, StrategyOptions(krum_byzantine=3)),
    ],
)
def test_robust_strategies_stay_near_the_honest_model_with_three_attackers_in_ten(clients, strategy, options):
    honest = train(clients, Strategy.FEDAVG)

    attacked = train(clients, strategy, attackers=3, options=options)

    assert np.linalg.norm(attacked - honest) < 0.1


def test_fedavg_is_thrown_far_off_by_three_attackers_in_ten(clients):
    honest = train(clients, Strategy.FEDAVG)

    attacked = train(clients, Strategy.FEDAVG, attackers=3)

    assert np.linalg.norm(attacked - honest) > 1.0


def test_fedavg_weights_each_update_by_its_samples():
    updates = [Update(np.array([1.0, 0.0], np.float32), 3), Update(np.array([0.0, 4.0], np.float32), 1)]

    assert combine(Strategy.FEDAVG, updates, 2, StrategyOptions()).tolist() == [0.75, 1.0]


def test_robust_strategies_ignore_the_weight_an_attacker_claims():
    updates = [Update(np.array([v], np.float32), 1) for v in (1.0, 2.0, 3.0, 4.0)] + [
        Update(np.array([1000.0], np.float32), 1_000_000)
    ]

    assert combine(Strategy.MEDIAN, updates, 1, StrategyOptions()).tolist() == [3.0]
