import numpy as np
import pytest

from brain.ml.logistic import LogisticModel, fit_logistic
from brain.ml.simulation import calibration_error

TRUTH = np.array([0.5, 2.0, -1.5])


def synthetic(n: int, rng: np.random.Generator):
    features = rng.normal(size=(n, 2))
    p = 1 / (1 + np.exp(-(TRUTH[0] + features @ TRUTH[1:])))
    return features, rng.random(n) < p


def test_fitted_weights_recover_the_ones_that_made_the_data():
    features, labels = synthetic(2000, np.random.default_rng(1))

    model = fit_logistic(features, labels)

    assert model.weights == pytest.approx([0.5, 2.0, -1.5], abs=0.25)
    assert model.examples == 2000


def test_fitted_probabilities_are_calibrated_within_five_points_on_new_data():
    rng = np.random.default_rng(2)
    model = fit_logistic(*synthetic(1000, rng))
    features, labels = synthetic(2000, rng)

    error = calibration_error([model.probability(x) for x in features], list(labels))

    assert error < 0.05


def test_default_weights_predict_with_no_confidence_and_fitted_ones_with_some():
    default = LogisticModel(np.array([1.0, 0.0, 0.0]), None)
    fitted = fit_logistic(*synthetic(500, np.random.default_rng(3)))

    assert default.confidence(np.zeros(2)) == 0.0
    assert 0.5 < fitted.confidence(np.zeros(2)) < 1.0


def test_a_model_survives_a_round_trip_through_json():
    model = fit_logistic(*synthetic(100, np.random.default_rng(4)))

    again = LogisticModel.from_json(model.to_json())

    assert np.allclose(again.weights, model.weights) and again.examples == 100
