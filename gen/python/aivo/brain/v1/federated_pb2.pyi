from buf.validate import validate_pb2 as _validate_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AggregationStrategy(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AGGREGATION_STRATEGY_UNSPECIFIED: _ClassVar[AggregationStrategy]
    AGGREGATION_STRATEGY_FEDAVG: _ClassVar[AggregationStrategy]
    AGGREGATION_STRATEGY_MEDIAN: _ClassVar[AggregationStrategy]
    AGGREGATION_STRATEGY_TRIMMED_MEAN: _ClassVar[AggregationStrategy]
    AGGREGATION_STRATEGY_KRUM: _ClassVar[AggregationStrategy]
AGGREGATION_STRATEGY_UNSPECIFIED: AggregationStrategy
AGGREGATION_STRATEGY_FEDAVG: AggregationStrategy
AGGREGATION_STRATEGY_MEDIAN: AggregationStrategy
AGGREGATION_STRATEGY_TRIMMED_MEAN: AggregationStrategy
AGGREGATION_STRATEGY_KRUM: AggregationStrategy

class Tensor(_message.Message):
    __slots__ = ("name", "shape", "data_f32le")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SHAPE_FIELD_NUMBER: _ClassVar[int]
    DATA_F32LE_FIELD_NUMBER: _ClassVar[int]
    name: str
    shape: _containers.RepeatedScalarFieldContainer[int]
    data_f32le: bytes
    def __init__(self, name: _Optional[str] = ..., shape: _Optional[_Iterable[int]] = ..., data_f32le: _Optional[bytes] = ...) -> None: ...

class SubmitModelUpdateRequest(_message.Message):
    __slots__ = ("model_id", "client_id", "update_id", "round", "base_version", "sample_count", "delta")
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    UPDATE_ID_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    BASE_VERSION_FIELD_NUMBER: _ClassVar[int]
    SAMPLE_COUNT_FIELD_NUMBER: _ClassVar[int]
    DELTA_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    client_id: str
    update_id: str
    round: int
    base_version: int
    sample_count: int
    delta: _containers.RepeatedCompositeFieldContainer[Tensor]
    def __init__(self, model_id: _Optional[str] = ..., client_id: _Optional[str] = ..., update_id: _Optional[str] = ..., round: _Optional[int] = ..., base_version: _Optional[int] = ..., sample_count: _Optional[int] = ..., delta: _Optional[_Iterable[_Union[Tensor, _Mapping]]] = ...) -> None: ...

class SubmitModelUpdateResponse(_message.Message):
    __slots__ = ("accepted", "round")
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    accepted: bool
    round: int
    def __init__(self, accepted: bool = ..., round: _Optional[int] = ...) -> None: ...

class AggregateUpdatesRequest(_message.Message):
    __slots__ = ("model_id", "round", "strategy", "privacy", "trimmed_mean_beta", "krum_byzantine_clients")
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    PRIVACY_FIELD_NUMBER: _ClassVar[int]
    TRIMMED_MEAN_BETA_FIELD_NUMBER: _ClassVar[int]
    KRUM_BYZANTINE_CLIENTS_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    round: int
    strategy: AggregationStrategy
    privacy: DifferentialPrivacy
    trimmed_mean_beta: float
    krum_byzantine_clients: int
    def __init__(self, model_id: _Optional[str] = ..., round: _Optional[int] = ..., strategy: _Optional[_Union[AggregationStrategy, str]] = ..., privacy: _Optional[_Union[DifferentialPrivacy, _Mapping]] = ..., trimmed_mean_beta: _Optional[float] = ..., krum_byzantine_clients: _Optional[int] = ...) -> None: ...

class DifferentialPrivacy(_message.Message):
    __slots__ = ("clip_norm", "noise_multiplier", "delta")
    CLIP_NORM_FIELD_NUMBER: _ClassVar[int]
    NOISE_MULTIPLIER_FIELD_NUMBER: _ClassVar[int]
    DELTA_FIELD_NUMBER: _ClassVar[int]
    clip_norm: float
    noise_multiplier: float
    delta: float
    def __init__(self, clip_norm: _Optional[float] = ..., noise_multiplier: _Optional[float] = ..., delta: _Optional[float] = ...) -> None: ...

class AggregateUpdatesResponse(_message.Message):
    __slots__ = ("version", "client_count", "epsilon", "strategy")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CLIENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    EPSILON_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    version: int
    client_count: int
    epsilon: float
    strategy: AggregationStrategy
    def __init__(self, version: _Optional[int] = ..., client_count: _Optional[int] = ..., epsilon: _Optional[float] = ..., strategy: _Optional[_Union[AggregationStrategy, str]] = ...) -> None: ...

class FederatedModelSettings(_message.Message):
    __slots__ = ("strategy", "shared", "min_clients", "round_duration_s", "max_update_norm", "max_staleness", "staleness_exponent")
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    SHARED_FIELD_NUMBER: _ClassVar[int]
    MIN_CLIENTS_FIELD_NUMBER: _ClassVar[int]
    ROUND_DURATION_S_FIELD_NUMBER: _ClassVar[int]
    MAX_UPDATE_NORM_FIELD_NUMBER: _ClassVar[int]
    MAX_STALENESS_FIELD_NUMBER: _ClassVar[int]
    STALENESS_EXPONENT_FIELD_NUMBER: _ClassVar[int]
    strategy: AggregationStrategy
    shared: bool
    min_clients: int
    round_duration_s: int
    max_update_norm: float
    max_staleness: int
    staleness_exponent: float
    def __init__(self, strategy: _Optional[_Union[AggregationStrategy, str]] = ..., shared: bool = ..., min_clients: _Optional[int] = ..., round_duration_s: _Optional[int] = ..., max_update_norm: _Optional[float] = ..., max_staleness: _Optional[int] = ..., staleness_exponent: _Optional[float] = ...) -> None: ...

class RegisterFederatedModelRequest(_message.Message):
    __slots__ = ("model_id", "initial_weights", "settings")
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    INITIAL_WEIGHTS_FIELD_NUMBER: _ClassVar[int]
    SETTINGS_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    initial_weights: _containers.RepeatedCompositeFieldContainer[Tensor]
    settings: FederatedModelSettings
    def __init__(self, model_id: _Optional[str] = ..., initial_weights: _Optional[_Iterable[_Union[Tensor, _Mapping]]] = ..., settings: _Optional[_Union[FederatedModelSettings, _Mapping]] = ...) -> None: ...

class RegisterFederatedModelResponse(_message.Message):
    __slots__ = ("version", "round")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    version: int
    round: int
    def __init__(self, version: _Optional[int] = ..., round: _Optional[int] = ...) -> None: ...

class GetFederatedRoundRequest(_message.Message):
    __slots__ = ("model_id",)
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    def __init__(self, model_id: _Optional[str] = ...) -> None: ...

class GetFederatedRoundResponse(_message.Message):
    __slots__ = ("round", "base_version", "deadline_unix_ms", "update_count", "min_clients", "weights")
    ROUND_FIELD_NUMBER: _ClassVar[int]
    BASE_VERSION_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    UPDATE_COUNT_FIELD_NUMBER: _ClassVar[int]
    MIN_CLIENTS_FIELD_NUMBER: _ClassVar[int]
    WEIGHTS_FIELD_NUMBER: _ClassVar[int]
    round: int
    base_version: int
    deadline_unix_ms: int
    update_count: int
    min_clients: int
    weights: _containers.RepeatedCompositeFieldContainer[Tensor]
    def __init__(self, round: _Optional[int] = ..., base_version: _Optional[int] = ..., deadline_unix_ms: _Optional[int] = ..., update_count: _Optional[int] = ..., min_clients: _Optional[int] = ..., weights: _Optional[_Iterable[_Union[Tensor, _Mapping]]] = ...) -> None: ...
