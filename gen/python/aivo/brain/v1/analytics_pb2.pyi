from buf.validate import validate_pb2 as _validate_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class FocusLossCause(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FOCUS_LOSS_CAUSE_UNSPECIFIED: _ClassVar[FocusLossCause]
    FOCUS_LOSS_CAUSE_TAB_HIDDEN: _ClassVar[FocusLossCause]
    FOCUS_LOSS_CAUSE_WINDOW_BLUR: _ClassVar[FocusLossCause]
    FOCUS_LOSS_CAUSE_APP_BACKGROUND: _ClassVar[FocusLossCause]

class FocusLevel(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FOCUS_LEVEL_UNSPECIFIED: _ClassVar[FocusLevel]
    FOCUS_LEVEL_LOW: _ClassVar[FocusLevel]
    FOCUS_LEVEL_MODERATE: _ClassVar[FocusLevel]
    FOCUS_LEVEL_HIGH: _ClassVar[FocusLevel]

class BreakReasonKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BREAK_REASON_KIND_UNSPECIFIED: _ClassVar[BreakReasonKind]
    BREAK_REASON_KIND_TIME_ON_TASK: _ClassVar[BreakReasonKind]
    BREAK_REASON_KIND_FALLING_ACCURACY: _ClassVar[BreakReasonKind]
    BREAK_REASON_KIND_RISING_RESPONSE_TIME_VARIABILITY: _ClassVar[BreakReasonKind]
    BREAK_REASON_KIND_IDLE_STREAK: _ClassVar[BreakReasonKind]
    BREAK_REASON_KIND_DISTRACTIONS: _ClassVar[BreakReasonKind]

class LapseCause(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LAPSE_CAUSE_UNSPECIFIED: _ClassVar[LapseCause]
    LAPSE_CAUSE_IDLE: _ClassVar[LapseCause]
    LAPSE_CAUSE_FOCUS_LOST: _ClassVar[LapseCause]
    LAPSE_CAUSE_SLOW_RESPONSE: _ClassVar[LapseCause]
FOCUS_LOSS_CAUSE_UNSPECIFIED: FocusLossCause
FOCUS_LOSS_CAUSE_TAB_HIDDEN: FocusLossCause
FOCUS_LOSS_CAUSE_WINDOW_BLUR: FocusLossCause
FOCUS_LOSS_CAUSE_APP_BACKGROUND: FocusLossCause
FOCUS_LEVEL_UNSPECIFIED: FocusLevel
FOCUS_LEVEL_LOW: FocusLevel
FOCUS_LEVEL_MODERATE: FocusLevel
FOCUS_LEVEL_HIGH: FocusLevel
BREAK_REASON_KIND_UNSPECIFIED: BreakReasonKind
BREAK_REASON_KIND_TIME_ON_TASK: BreakReasonKind
BREAK_REASON_KIND_FALLING_ACCURACY: BreakReasonKind
BREAK_REASON_KIND_RISING_RESPONSE_TIME_VARIABILITY: BreakReasonKind
BREAK_REASON_KIND_IDLE_STREAK: BreakReasonKind
BREAK_REASON_KIND_DISTRACTIONS: BreakReasonKind
LAPSE_CAUSE_UNSPECIFIED: LapseCause
LAPSE_CAUSE_IDLE: LapseCause
LAPSE_CAUSE_FOCUS_LOST: LapseCause
LAPSE_CAUSE_SLOW_RESPONSE: LapseCause

class FocusSession(_message.Message):
    __slots__ = ("session_id", "child_age_months", "elapsed_ms", "events", "local_start_minute")
    SESSION_ID_FIELD_NUMBER: _ClassVar[int]
    CHILD_AGE_MONTHS_FIELD_NUMBER: _ClassVar[int]
    ELAPSED_MS_FIELD_NUMBER: _ClassVar[int]
    EVENTS_FIELD_NUMBER: _ClassVar[int]
    LOCAL_START_MINUTE_FIELD_NUMBER: _ClassVar[int]
    session_id: str
    child_age_months: int
    elapsed_ms: int
    events: _containers.RepeatedCompositeFieldContainer[FocusEvent]
    local_start_minute: int
    def __init__(self, session_id: _Optional[str] = ..., child_age_months: _Optional[int] = ..., elapsed_ms: _Optional[int] = ..., events: _Optional[_Iterable[_Union[FocusEvent, _Mapping]]] = ..., local_start_minute: _Optional[int] = ...) -> None: ...

class FocusEvent(_message.Message):
    __slots__ = ("offset_ms", "answer", "idle", "focus_lost")
    OFFSET_MS_FIELD_NUMBER: _ClassVar[int]
    ANSWER_FIELD_NUMBER: _ClassVar[int]
    IDLE_FIELD_NUMBER: _ClassVar[int]
    FOCUS_LOST_FIELD_NUMBER: _ClassVar[int]
    offset_ms: int
    answer: AnswerEvent
    idle: IdleEvent
    focus_lost: FocusLostEvent
    def __init__(self, offset_ms: _Optional[int] = ..., answer: _Optional[_Union[AnswerEvent, _Mapping]] = ..., idle: _Optional[_Union[IdleEvent, _Mapping]] = ..., focus_lost: _Optional[_Union[FocusLostEvent, _Mapping]] = ...) -> None: ...

class AnswerEvent(_message.Message):
    __slots__ = ("correct", "response_time_ms")
    CORRECT_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_TIME_MS_FIELD_NUMBER: _ClassVar[int]
    correct: bool
    response_time_ms: int
    def __init__(self, correct: bool = ..., response_time_ms: _Optional[int] = ...) -> None: ...

class IdleEvent(_message.Message):
    __slots__ = ("duration_ms",)
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    duration_ms: int
    def __init__(self, duration_ms: _Optional[int] = ...) -> None: ...

class FocusLostEvent(_message.Message):
    __slots__ = ("cause", "duration_ms")
    CAUSE_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    cause: FocusLossCause
    duration_ms: int
    def __init__(self, cause: _Optional[_Union[FocusLossCause, str]] = ..., duration_ms: _Optional[int] = ...) -> None: ...

class AnalyzeFocusRequest(_message.Message):
    __slots__ = ("session",)
    SESSION_FIELD_NUMBER: _ClassVar[int]
    session: FocusSession
    def __init__(self, session: _Optional[_Union[FocusSession, _Mapping]] = ...) -> None: ...

class AnalyzeFocusResponse(_message.Message):
    __slots__ = ("score", "level", "components")
    SCORE_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    COMPONENTS_FIELD_NUMBER: _ClassVar[int]
    score: float
    level: FocusLevel
    components: _containers.RepeatedCompositeFieldContainer[ScoreComponent]
    def __init__(self, score: _Optional[float] = ..., level: _Optional[_Union[FocusLevel, str]] = ..., components: _Optional[_Iterable[_Union[ScoreComponent, _Mapping]]] = ...) -> None: ...

class ScoreComponent(_message.Message):
    __slots__ = ("name", "value", "weight", "points", "explanation")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    WEIGHT_FIELD_NUMBER: _ClassVar[int]
    POINTS_FIELD_NUMBER: _ClassVar[int]
    EXPLANATION_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: float
    weight: float
    points: float
    explanation: str
    def __init__(self, name: _Optional[str] = ..., value: _Optional[float] = ..., weight: _Optional[float] = ..., points: _Optional[float] = ..., explanation: _Optional[str] = ...) -> None: ...

class PredictBreakRequest(_message.Message):
    __slots__ = ("session",)
    SESSION_FIELD_NUMBER: _ClassVar[int]
    session: FocusSession
    def __init__(self, session: _Optional[_Union[FocusSession, _Mapping]] = ...) -> None: ...

class PredictBreakResponse(_message.Message):
    __slots__ = ("break_now", "minutes_until_break", "break_length_minutes", "attention_span_minutes", "time_on_task_minutes", "reasons")
    BREAK_NOW_FIELD_NUMBER: _ClassVar[int]
    MINUTES_UNTIL_BREAK_FIELD_NUMBER: _ClassVar[int]
    BREAK_LENGTH_MINUTES_FIELD_NUMBER: _ClassVar[int]
    ATTENTION_SPAN_MINUTES_FIELD_NUMBER: _ClassVar[int]
    TIME_ON_TASK_MINUTES_FIELD_NUMBER: _ClassVar[int]
    REASONS_FIELD_NUMBER: _ClassVar[int]
    break_now: bool
    minutes_until_break: int
    break_length_minutes: int
    attention_span_minutes: int
    time_on_task_minutes: float
    reasons: _containers.RepeatedCompositeFieldContainer[BreakReason]
    def __init__(self, break_now: bool = ..., minutes_until_break: _Optional[int] = ..., break_length_minutes: _Optional[int] = ..., attention_span_minutes: _Optional[int] = ..., time_on_task_minutes: _Optional[float] = ..., reasons: _Optional[_Iterable[_Union[BreakReason, _Mapping]]] = ...) -> None: ...

class BreakReason(_message.Message):
    __slots__ = ("kind", "detail")
    KIND_FIELD_NUMBER: _ClassVar[int]
    DETAIL_FIELD_NUMBER: _ClassVar[int]
    kind: BreakReasonKind
    detail: str
    def __init__(self, kind: _Optional[_Union[BreakReasonKind, str]] = ..., detail: _Optional[str] = ...) -> None: ...

class AnalyzeAttentionRequest(_message.Message):
    __slots__ = ("session",)
    SESSION_FIELD_NUMBER: _ClassVar[int]
    session: FocusSession
    def __init__(self, session: _Optional[_Union[FocusSession, _Mapping]] = ...) -> None: ...

class AnalyzeAttentionResponse(_message.Message):
    __slots__ = ("spans", "lapses", "mean_span_ms", "longest_span_ms", "distraction_count", "distraction_ms", "vigilance")
    SPANS_FIELD_NUMBER: _ClassVar[int]
    LAPSES_FIELD_NUMBER: _ClassVar[int]
    MEAN_SPAN_MS_FIELD_NUMBER: _ClassVar[int]
    LONGEST_SPAN_MS_FIELD_NUMBER: _ClassVar[int]
    DISTRACTION_COUNT_FIELD_NUMBER: _ClassVar[int]
    DISTRACTION_MS_FIELD_NUMBER: _ClassVar[int]
    VIGILANCE_FIELD_NUMBER: _ClassVar[int]
    spans: _containers.RepeatedCompositeFieldContainer[AttentionSpan]
    lapses: _containers.RepeatedCompositeFieldContainer[AttentionLapse]
    mean_span_ms: float
    longest_span_ms: int
    distraction_count: int
    distraction_ms: int
    vigilance: VigilanceDecrement
    def __init__(self, spans: _Optional[_Iterable[_Union[AttentionSpan, _Mapping]]] = ..., lapses: _Optional[_Iterable[_Union[AttentionLapse, _Mapping]]] = ..., mean_span_ms: _Optional[float] = ..., longest_span_ms: _Optional[int] = ..., distraction_count: _Optional[int] = ..., distraction_ms: _Optional[int] = ..., vigilance: _Optional[_Union[VigilanceDecrement, _Mapping]] = ...) -> None: ...

class AttentionSpan(_message.Message):
    __slots__ = ("start_ms", "end_ms", "answers")
    START_MS_FIELD_NUMBER: _ClassVar[int]
    END_MS_FIELD_NUMBER: _ClassVar[int]
    ANSWERS_FIELD_NUMBER: _ClassVar[int]
    start_ms: int
    end_ms: int
    answers: int
    def __init__(self, start_ms: _Optional[int] = ..., end_ms: _Optional[int] = ..., answers: _Optional[int] = ...) -> None: ...

class AttentionLapse(_message.Message):
    __slots__ = ("start_ms", "duration_ms", "cause")
    START_MS_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    CAUSE_FIELD_NUMBER: _ClassVar[int]
    start_ms: int
    duration_ms: int
    cause: LapseCause
    def __init__(self, start_ms: _Optional[int] = ..., duration_ms: _Optional[int] = ..., cause: _Optional[_Union[LapseCause, str]] = ...) -> None: ...

class VigilanceDecrement(_message.Message):
    __slots__ = ("accuracy_first_half", "accuracy_second_half", "median_response_time_first_half_ms", "median_response_time_second_half_ms", "lapses_first_half", "lapses_second_half", "decrement")
    ACCURACY_FIRST_HALF_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_SECOND_HALF_FIELD_NUMBER: _ClassVar[int]
    MEDIAN_RESPONSE_TIME_FIRST_HALF_MS_FIELD_NUMBER: _ClassVar[int]
    MEDIAN_RESPONSE_TIME_SECOND_HALF_MS_FIELD_NUMBER: _ClassVar[int]
    LAPSES_FIRST_HALF_FIELD_NUMBER: _ClassVar[int]
    LAPSES_SECOND_HALF_FIELD_NUMBER: _ClassVar[int]
    DECREMENT_FIELD_NUMBER: _ClassVar[int]
    accuracy_first_half: float
    accuracy_second_half: float
    median_response_time_first_half_ms: float
    median_response_time_second_half_ms: float
    lapses_first_half: int
    lapses_second_half: int
    decrement: bool
    def __init__(self, accuracy_first_half: _Optional[float] = ..., accuracy_second_half: _Optional[float] = ..., median_response_time_first_half_ms: _Optional[float] = ..., median_response_time_second_half_ms: _Optional[float] = ..., lapses_first_half: _Optional[int] = ..., lapses_second_half: _Optional[int] = ..., decrement: bool = ...) -> None: ...
