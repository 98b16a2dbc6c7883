"""Checks an update against its model before it is stored; every refusal names the field and the reason."""

from collections.abc import Sequence

import numpy as np

from brain.errors import InvalidInputError, PreconditionError
from brain.federated.aggregate import staleness_weight
from brain.federated.model import Model, TensorData, TensorSpec


def flatten(tensors: Sequence[TensorData], specs: Sequence[TensorSpec], field: str) -> np.ndarray:
    """The tensors as one flat float32 vector in the model's tensor order, after checking that every model tensor
    is there once with its shape and its byte count, and that every value is finite."""
    by_name = {t.name: (i, t) for i, t in enumerate(tensors)}
    if len(by_name) != len(tensors):
        raise InvalidInputError(field, "a tensor name appears twice")
    unknown = sorted(by_name.keys() - {s.name for s in specs})
    if unknown:
        raise InvalidInputError(field, f"the model has no tensor {unknown[0]!r}")
    parts = []
    for spec in specs:
        if spec.name not in by_name:
            raise InvalidInputError(field, f"tensor {spec.name!r} is missing")
        index, tensor = by_name[spec.name]
        parts.append(_values(tensor, spec, f"{field}[{index}]"))
    return np.concatenate(parts)


def _values(tensor: TensorData, spec: TensorSpec, field: str) -> np.ndarray:
    if tensor.shape != spec.shape:
        raise InvalidInputError(
            f"{field}.shape", f"is {list(tensor.shape)}, the model's {spec.name!r} is {list(spec.shape)}"
        )
    if len(tensor.data_f32le) != 4 * spec.size:
        raise InvalidInputError(
            f"{field}.data_f32le", f"has {len(tensor.data_f32le)} bytes, shape {list(spec.shape)} needs {4 * spec.size}"
        )
    values = np.frombuffer(tensor.data_f32le, dtype="<f4")
    if not np.isfinite(values).all():
        raise InvalidInputError(f"{field}.data_f32le", "holds NaN or infinity")
    return values


def check_norm(delta: np.ndarray, model: Model, field: str) -> None:
    norm = float(np.linalg.norm(delta))
    if norm > model.settings.max_update_norm:
        raise InvalidInputError(
            field, f"L2 norm {norm:.6g} exceeds the model's bound {model.settings.max_update_norm:.6g}"
        )


def check_round(model: Model, round_: int, now_ms: int, update_count: int) -> None:
    """The update's round must be the open one, and not past its deadline once it has an update: a round that
    got none by its deadline keeps waiting for its first, rather than closing empty."""
    if round_ != model.round:
        raise PreconditionError(f"round: round {round_} is not open; the open round is {model.round}")
    if now_ms >= model.round_deadline_ms and update_count > 0:
        raise PreconditionError(f"round: round {round_} passed its deadline and awaits aggregation")


def stale_weight(model: Model, base_version: int) -> float:
    """The factor for an update trained from base_version: 1 when current, 1 / (1 + staleness)^a when up to
    max_staleness versions behind; refused when older or from a version that does not exist yet."""
    if not 1 <= base_version <= model.version:
        raise PreconditionError(f"base_version: version {base_version} does not exist; the latest is {model.version}")
    staleness = model.version - base_version
    if staleness > model.settings.max_staleness:
        raise PreconditionError(
            f"base_version: version {base_version} is {staleness} versions old; "
            f"the model accepts at most {model.settings.max_staleness}"
        )
    return staleness_weight(staleness, model.settings.staleness_exponent)
