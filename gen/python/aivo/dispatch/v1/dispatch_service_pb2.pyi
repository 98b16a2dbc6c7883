from buf.validate import validate_pb2 as _validate_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import any_pb2 as _any_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class RouteTaskRequest(_message.Message):
    __slots__ = ("task", "input")
    TASK_FIELD_NUMBER: _ClassVar[int]
    INPUT_FIELD_NUMBER: _ClassVar[int]
    task: str
    input: _any_pb2.Any
    def __init__(self, task: _Optional[str] = ..., input: _Optional[_Union[_any_pb2.Any, _Mapping]] = ...) -> None: ...

class RouteTaskResponse(_message.Message):
    __slots__ = ("method", "output")
    METHOD_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_FIELD_NUMBER: _ClassVar[int]
    method: str
    output: _any_pb2.Any
    def __init__(self, method: _Optional[str] = ..., output: _Optional[_Union[_any_pb2.Any, _Mapping]] = ...) -> None: ...

class ListTasksRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListTasksResponse(_message.Message):
    __slots__ = ("routes",)
    ROUTES_FIELD_NUMBER: _ClassVar[int]
    routes: _containers.RepeatedCompositeFieldContainer[TaskRoute]
    def __init__(self, routes: _Optional[_Iterable[_Union[TaskRoute, _Mapping]]] = ...) -> None: ...

class TaskRoute(_message.Message):
    __slots__ = ("task", "method", "input_type", "output_type")
    TASK_FIELD_NUMBER: _ClassVar[int]
    METHOD_FIELD_NUMBER: _ClassVar[int]
    INPUT_TYPE_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TYPE_FIELD_NUMBER: _ClassVar[int]
    task: str
    method: str
    input_type: str
    output_type: str
    def __init__(self, task: _Optional[str] = ..., method: _Optional[str] = ..., input_type: _Optional[str] = ..., output_type: _Optional[str] = ...) -> None: ...
