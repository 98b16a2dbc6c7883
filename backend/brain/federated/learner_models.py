"""Federated training of the learner models that inference reads, so that a round really changes predictions.

A federated model whose id is a session model's name (brain.ml.session_models, for example "engagement_logistic")
must have that model's shape: one tensor "weights", bias first. Each aggregated version is then published as the
tenant's newest parameters of that model, which PredictEngagement and PredictFocus use.
"""

import numpy as np

from brain.errors import InvalidInputError
from brain.federated.model import TensorSpec
from brain.ml.session_models import ENGAGEMENT, FOCUS

WEIGHTS_TENSOR = "weights"
# The learner models federated rounds can train, with the number of weights (bias first) inference expects.
LEARNER_MODELS = {model.name: len(model.default_weights) for model in (ENGAGEMENT, FOCUS)}


def check_learner_model_shape(model_id: str, tensors: tuple[TensorSpec, ...]) -> None:
    """Refuses a federated model named after a learner model unless its tensors are that model's weights."""
    if model_id not in LEARNER_MODELS:
        return
    expected = (TensorSpec(WEIGHTS_TENSOR, (LEARNER_MODELS[model_id],)),)
    if tensors != expected:
        raise InvalidInputError(
            "initial_weights",
            f"the learner model {model_id!r} has one tensor {WEIGHTS_TENSOR!r} of shape [{LEARNER_MODELS[model_id]}]",
        )


def learner_parameters(weights: np.ndarray, examples: int) -> dict:
    """The parameters in brain.ml.logistic.LogisticModel's JSON form; a federated round yields no covariance."""
    return {"weights": weights.astype(float).tolist(), "covariance": None, "examples": examples}
