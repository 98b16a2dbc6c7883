from buf.validate import validate_pb2 as _validate_pb2
from google.api import annotations_pb2 as _annotations_pb2
from google.protobuf import any_pb2 as _any_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ChatRole(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CHAT_ROLE_UNSPECIFIED: _ClassVar[ChatRole]
    CHAT_ROLE_SYSTEM: _ClassVar[ChatRole]
    CHAT_ROLE_USER: _ClassVar[ChatRole]
    CHAT_ROLE_ASSISTANT: _ClassVar[ChatRole]
CHAT_ROLE_UNSPECIFIED: ChatRole
CHAT_ROLE_SYSTEM: ChatRole
CHAT_ROLE_USER: ChatRole
CHAT_ROLE_ASSISTANT: ChatRole

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

class GenerateRequest(_message.Message):
    __slots__ = ("model", "messages", "max_tokens", "temperature", "top_p")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    MESSAGES_FIELD_NUMBER: _ClassVar[int]
    MAX_TOKENS_FIELD_NUMBER: _ClassVar[int]
    TEMPERATURE_FIELD_NUMBER: _ClassVar[int]
    TOP_P_FIELD_NUMBER: _ClassVar[int]
    model: str
    messages: _containers.RepeatedCompositeFieldContainer[ChatMessage]
    max_tokens: int
    temperature: float
    top_p: float
    def __init__(self, model: _Optional[str] = ..., messages: _Optional[_Iterable[_Union[ChatMessage, _Mapping]]] = ..., max_tokens: _Optional[int] = ..., temperature: _Optional[float] = ..., top_p: _Optional[float] = ...) -> None: ...

class ChatMessage(_message.Message):
    __slots__ = ("role", "content")
    ROLE_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    role: ChatRole
    content: str
    def __init__(self, role: _Optional[_Union[ChatRole, str]] = ..., content: _Optional[str] = ...) -> None: ...

class GenerateResponse(_message.Message):
    __slots__ = ("text", "generation")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    GENERATION_FIELD_NUMBER: _ClassVar[int]
    text: str
    generation: Generation
    def __init__(self, text: _Optional[str] = ..., generation: _Optional[_Union[Generation, _Mapping]] = ...) -> None: ...

class GenerateStreamRequest(_message.Message):
    __slots__ = ("request",)
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    request: GenerateRequest
    def __init__(self, request: _Optional[_Union[GenerateRequest, _Mapping]] = ...) -> None: ...

class GenerateStreamResponse(_message.Message):
    __slots__ = ("delta", "done")
    DELTA_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    delta: str
    done: Generation
    def __init__(self, delta: _Optional[str] = ..., done: _Optional[_Union[Generation, _Mapping]] = ...) -> None: ...

class Generation(_message.Message):
    __slots__ = ("provider", "model", "input_tokens", "output_tokens", "cost_nano_usd", "price_version", "finish_reason", "attempts", "warnings")
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    INPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    COST_NANO_USD_FIELD_NUMBER: _ClassVar[int]
    PRICE_VERSION_FIELD_NUMBER: _ClassVar[int]
    FINISH_REASON_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    provider: str
    model: str
    input_tokens: int
    output_tokens: int
    cost_nano_usd: int
    price_version: str
    finish_reason: str
    attempts: int
    warnings: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, provider: _Optional[str] = ..., model: _Optional[str] = ..., input_tokens: _Optional[int] = ..., output_tokens: _Optional[int] = ..., cost_nano_usd: _Optional[int] = ..., price_version: _Optional[str] = ..., finish_reason: _Optional[str] = ..., attempts: _Optional[int] = ..., warnings: _Optional[_Iterable[str]] = ...) -> None: ...

class GetUsageRequest(_message.Message):
    __slots__ = ("from_day", "to_day")
    FROM_DAY_FIELD_NUMBER: _ClassVar[int]
    TO_DAY_FIELD_NUMBER: _ClassVar[int]
    from_day: str
    to_day: str
    def __init__(self, from_day: _Optional[str] = ..., to_day: _Optional[str] = ...) -> None: ...

class GetUsageResponse(_message.Message):
    __slots__ = ("rows", "total_cost_nano_usd", "budget")
    ROWS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_COST_NANO_USD_FIELD_NUMBER: _ClassVar[int]
    BUDGET_FIELD_NUMBER: _ClassVar[int]
    rows: _containers.RepeatedCompositeFieldContainer[UsageRow]
    total_cost_nano_usd: int
    budget: Budget
    def __init__(self, rows: _Optional[_Iterable[_Union[UsageRow, _Mapping]]] = ..., total_cost_nano_usd: _Optional[int] = ..., budget: _Optional[_Union[Budget, _Mapping]] = ...) -> None: ...

class UsageRow(_message.Message):
    __slots__ = ("day", "provider", "model", "requests", "input_tokens", "output_tokens", "cost_nano_usd")
    DAY_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    REQUESTS_FIELD_NUMBER: _ClassVar[int]
    INPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    OUTPUT_TOKENS_FIELD_NUMBER: _ClassVar[int]
    COST_NANO_USD_FIELD_NUMBER: _ClassVar[int]
    day: str
    provider: str
    model: str
    requests: int
    input_tokens: int
    output_tokens: int
    cost_nano_usd: int
    def __init__(self, day: _Optional[str] = ..., provider: _Optional[str] = ..., model: _Optional[str] = ..., requests: _Optional[int] = ..., input_tokens: _Optional[int] = ..., output_tokens: _Optional[int] = ..., cost_nano_usd: _Optional[int] = ...) -> None: ...

class Budget(_message.Message):
    __slots__ = ("month", "spent_nano_usd", "reserved_nano_usd", "soft_limit_nano_usd", "hard_limit_nano_usd")
    MONTH_FIELD_NUMBER: _ClassVar[int]
    SPENT_NANO_USD_FIELD_NUMBER: _ClassVar[int]
    RESERVED_NANO_USD_FIELD_NUMBER: _ClassVar[int]
    SOFT_LIMIT_NANO_USD_FIELD_NUMBER: _ClassVar[int]
    HARD_LIMIT_NANO_USD_FIELD_NUMBER: _ClassVar[int]
    month: str
    spent_nano_usd: int
    reserved_nano_usd: int
    soft_limit_nano_usd: int
    hard_limit_nano_usd: int
    def __init__(self, month: _Optional[str] = ..., spent_nano_usd: _Optional[int] = ..., reserved_nano_usd: _Optional[int] = ..., soft_limit_nano_usd: _Optional[int] = ..., hard_limit_nano_usd: _Optional[int] = ...) -> None: ...
