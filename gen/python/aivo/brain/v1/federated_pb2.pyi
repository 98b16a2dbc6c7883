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
    __slots__ = ("model_id", "round", "strategy")
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    ROUND_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    round: int
    strategy: AggregationStrategy
    def __init__(self, model_id: _Optional[str] = ..., round: _Optional[int] = ..., strategy: _Optional[_Union[AggregationStrategy, str]] = ...) -> None: ...

class AggregateUpdatesResponse(_message.Message):
    __slots__ = ("version", "client_count")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    CLIENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    version: int
    client_count: int
    def __init__(self, version: _Optional[int] = ..., client_count: _Optional[int] = ...) -> None: ...
