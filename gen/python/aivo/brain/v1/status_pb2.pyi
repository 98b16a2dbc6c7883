from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetServiceStatusRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetServiceStatusResponse(_message.Message):
    __slots__ = ("version", "uptime_seconds", "dependencies")
    VERSION_FIELD_NUMBER: _ClassVar[int]
    UPTIME_SECONDS_FIELD_NUMBER: _ClassVar[int]
    DEPENDENCIES_FIELD_NUMBER: _ClassVar[int]
    version: str
    uptime_seconds: float
    dependencies: _containers.RepeatedCompositeFieldContainer[DependencyStatus]
    def __init__(self, version: _Optional[str] = ..., uptime_seconds: _Optional[float] = ..., dependencies: _Optional[_Iterable[_Union[DependencyStatus, _Mapping]]] = ...) -> None: ...

class DependencyStatus(_message.Message):
    __slots__ = ("name", "healthy", "latency_ms", "backend", "error")
    NAME_FIELD_NUMBER: _ClassVar[int]
    HEALTHY_FIELD_NUMBER: _ClassVar[int]
    LATENCY_MS_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    name: str
    healthy: bool
    latency_ms: float
    backend: str
    error: str
    def __init__(self, name: _Optional[str] = ..., healthy: bool = ..., latency_ms: _Optional[float] = ..., backend: _Optional[str] = ..., error: _Optional[str] = ...) -> None: ...
