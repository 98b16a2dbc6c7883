"""What a federated model is: its tensors, how its rounds run, and the round open now."""

import math
from dataclasses import dataclass

from brain.federated.strategies import Strategy


@dataclass(frozen=True, slots=True)
class TensorSpec:
    name: str
    shape: tuple[int, ...]

    @property
    def size(self) -> int:
        return math.prod(self.shape)


@dataclass(frozen=True, slots=True)
class TensorData:
    """One tensor as it arrives: packed little-endian float32, row-major."""

    name: str
    shape: tuple[int, ...]
    data_f32le: bytes


@dataclass(frozen=True, slots=True)
class Settings:
    """How a model's rounds run; staleness is how many versions an update's base lags the current one, and a
    stale update's weight is multiplied by 1 / (1 + staleness)^staleness_exponent up to max_staleness."""

    strategy: Strategy
    shared: bool
    min_clients: int
    round_duration_s: int
    max_update_norm: float
    max_staleness: int
    staleness_exponent: float


@dataclass(frozen=True, slots=True)
class ModelKey:
    """A model is owned by one tenant; model ids are unique within a tenant."""

    tenant_id: str
    model_id: str


@dataclass(frozen=True, slots=True)
class Model:
    key: ModelKey
    tensors: tuple[TensorSpec, ...]
    settings: Settings
    version: int
    round: int
    round_deadline_ms: int

    @property
    def size(self) -> int:
        return sum(t.size for t in self.tensors)


@dataclass(frozen=True, slots=True)
class RoundStatus:
    round: int
    base_version: int
    deadline_ms: int
    update_count: int
    min_clients: int
    weights: tuple[TensorData, ...]


@dataclass(frozen=True, slots=True)
class Aggregated:
    version: int
    client_count: int
    strategy: Strategy
    epsilon: float
