"""The learner models against simulated learners of known ability (Rasch answers), seeded for repeatability."""

import numpy as np
import pytest

from brain.ml.simulation import calibration_error, learners_of_known_ability, practise_adaptively, spearman

LEARNERS = 40
ANSWERS = 60


def practice(target: float = 0.75):
    rng = np.random.default_rng(7)
    learners = learners_of_known_ability(LEARNERS, rng)
    return learners, [practise_adaptively(learner, ANSWERS, rng, target) for learner in learners]


def test_ability_estimates_rank_learners_like_their_true_abilities_after_60_answers():
    learners, runs = practice()

    correlation = spearman([rating.value for rating, _ in runs], [learner.true_ability for learner in learners])

    assert correlation > 0.8


@pytest.mark.parametrize("target", [0.75, 0.85])
def test_adaptive_difficulty_keeps_observed_success_within_five_points_of_the_target(target):
    _, runs = practice(target)

    # After the first 20 answers, while the estimate settles.
    observed = np.mean([correct for _, log in runs for correct in log.correct[20:]])

    assert observed == pytest.approx(target, abs=0.05)


def test_predicted_success_probabilities_are_calibrated_within_five_points():
    _, runs = practice()

    error = calibration_error(
        [p for _, log in runs for p in log.predicted], [c for _, log in runs for c in log.correct]
    )

    assert error < 0.05


def test_spearman_is_one_for_the_same_order_and_minus_one_for_the_reverse():
    assert spearman([1.0, 2.0, 3.0], [10.0, 20.0, 30.0]) == pytest.approx(1.0)
    assert spearman([1.0, 2.0, 3.0], [3.0, 2.0, 1.0]) == pytest.approx(-1.0)


def test_calibration_error_is_the_gap_between_predicted_and_observed_success():
    assert calibration_error([0.55] * 4, [True, True, False, False]) == pytest.approx(0.05)
