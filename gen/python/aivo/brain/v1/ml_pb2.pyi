from aivo.brain.v1 import analytics_pb2 as _analytics_pb2
from buf.validate import validate_pb2 as _validate_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ModelType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MODEL_TYPE_UNSPECIFIED: _ClassVar[ModelType]
    MODEL_TYPE_DIFFICULTY_PREDICTION: _ClassVar[ModelType]
    MODEL_TYPE_ENGAGEMENT_PREDICTION: _ClassVar[ModelType]
    MODEL_TYPE_CONTENT_RECOMMENDATION: _ClassVar[ModelType]
    MODEL_TYPE_LEARNING_STYLE_DETECTION: _ClassVar[ModelType]
    MODEL_TYPE_EMOTION_DETECTION: _ClassVar[ModelType]
    MODEL_TYPE_FOCUS_PREDICTION: _ClassVar[ModelType]
    MODEL_TYPE_PERSONALIZED_LEARNING: _ClassVar[ModelType]
MODEL_TYPE_UNSPECIFIED: ModelType
MODEL_TYPE_DIFFICULTY_PREDICTION: ModelType
MODEL_TYPE_ENGAGEMENT_PREDICTION: ModelType
MODEL_TYPE_CONTENT_RECOMMENDATION: ModelType
MODEL_TYPE_LEARNING_STYLE_DETECTION: ModelType
MODEL_TYPE_EMOTION_DETECTION: ModelType
MODEL_TYPE_FOCUS_PREDICTION: ModelType
MODEL_TYPE_PERSONALIZED_LEARNING: ModelType

class PredictDifficultyRequest(_message.Message):
    __slots__ = ("learner_id", "subject", "current_level", "recent_performance")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    CURRENT_LEVEL_FIELD_NUMBER: _ClassVar[int]
    RECENT_PERFORMANCE_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    subject: str
    current_level: int
    recent_performance: _containers.RepeatedScalarFieldContainer[float]
    def __init__(self, learner_id: _Optional[str] = ..., subject: _Optional[str] = ..., current_level: _Optional[int] = ..., recent_performance: _Optional[_Iterable[float]] = ...) -> None: ...

class PredictDifficultyResponse(_message.Message):
    __slots__ = ("recommended_level", "predicted_success_probability", "confidence")
    RECOMMENDED_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_SUCCESS_PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    recommended_level: int
    predicted_success_probability: float
    confidence: float
    def __init__(self, recommended_level: _Optional[int] = ..., predicted_success_probability: _Optional[float] = ..., confidence: _Optional[float] = ...) -> None: ...

class PredictEngagementRequest(_message.Message):
    __slots__ = ("learner_id", "session")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    session: _analytics_pb2.FocusSession
    def __init__(self, learner_id: _Optional[str] = ..., session: _Optional[_Union[_analytics_pb2.FocusSession, _Mapping]] = ...) -> None: ...

class PredictEngagementResponse(_message.Message):
    __slots__ = ("engaged_probability", "confidence")
    ENGAGED_PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    engaged_probability: float
    confidence: float
    def __init__(self, engaged_probability: _Optional[float] = ..., confidence: _Optional[float] = ...) -> None: ...

class RecommendContentRequest(_message.Message):
    __slots__ = ("learner_id", "subject", "limit")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    subject: str
    limit: int
    def __init__(self, learner_id: _Optional[str] = ..., subject: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class RecommendContentResponse(_message.Message):
    __slots__ = ("items",)
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ContentRecommendation]
    def __init__(self, items: _Optional[_Iterable[_Union[ContentRecommendation, _Mapping]]] = ...) -> None: ...

class ContentRecommendation(_message.Message):
    __slots__ = ("content_id", "score", "reason")
    CONTENT_ID_FIELD_NUMBER: _ClassVar[int]
    SCORE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    content_id: str
    score: float
    reason: str
    def __init__(self, content_id: _Optional[str] = ..., score: _Optional[float] = ..., reason: _Optional[str] = ...) -> None: ...

class DetectLearningStyleRequest(_message.Message):
    __slots__ = ("learner_id",)
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    def __init__(self, learner_id: _Optional[str] = ...) -> None: ...

class DetectLearningStyleResponse(_message.Message):
    __slots__ = ("preferences", "note")
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    preferences: _containers.RepeatedCompositeFieldContainer[ModalityPreference]
    note: str
    def __init__(self, preferences: _Optional[_Iterable[_Union[ModalityPreference, _Mapping]]] = ..., note: _Optional[str] = ...) -> None: ...

class ModalityPreference(_message.Message):
    __slots__ = ("modality", "probability", "credible_interval_low", "credible_interval_high")
    MODALITY_FIELD_NUMBER: _ClassVar[int]
    PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    CREDIBLE_INTERVAL_LOW_FIELD_NUMBER: _ClassVar[int]
    CREDIBLE_INTERVAL_HIGH_FIELD_NUMBER: _ClassVar[int]
    modality: str
    probability: float
    credible_interval_low: float
    credible_interval_high: float
    def __init__(self, modality: _Optional[str] = ..., probability: _Optional[float] = ..., credible_interval_low: _Optional[float] = ..., credible_interval_high: _Optional[float] = ...) -> None: ...

class DetectEmotionRequest(_message.Message):
    __slots__ = ("learner_id", "text")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    text: str
    def __init__(self, learner_id: _Optional[str] = ..., text: _Optional[str] = ...) -> None: ...

class DetectEmotionResponse(_message.Message):
    __slots__ = ("emotion", "valence", "arousal", "confidence", "signals")
    EMOTION_FIELD_NUMBER: _ClassVar[int]
    VALENCE_FIELD_NUMBER: _ClassVar[int]
    AROUSAL_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    SIGNALS_FIELD_NUMBER: _ClassVar[int]
    emotion: str
    valence: float
    arousal: float
    confidence: float
    signals: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, emotion: _Optional[str] = ..., valence: _Optional[float] = ..., arousal: _Optional[float] = ..., confidence: _Optional[float] = ..., signals: _Optional[_Iterable[str]] = ...) -> None: ...

class PredictFocusRequest(_message.Message):
    __slots__ = ("learner_id", "session")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    session: _analytics_pb2.FocusSession
    def __init__(self, learner_id: _Optional[str] = ..., session: _Optional[_Union[_analytics_pb2.FocusSession, _Mapping]] = ...) -> None: ...

class PredictFocusResponse(_message.Message):
    __slots__ = ("focused_probability", "confidence")
    FOCUSED_PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    focused_probability: float
    confidence: float
    def __init__(self, focused_probability: _Optional[float] = ..., confidence: _Optional[float] = ...) -> None: ...

class PersonalizeLearningPathRequest(_message.Message):
    __slots__ = ("learner_id", "skills", "limit")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SKILLS_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    skills: _containers.RepeatedCompositeFieldContainer[SkillNode]
    limit: int
    def __init__(self, learner_id: _Optional[str] = ..., skills: _Optional[_Iterable[_Union[SkillNode, _Mapping]]] = ..., limit: _Optional[int] = ...) -> None: ...

class SkillNode(_message.Message):
    __slots__ = ("skill_id", "prerequisite_ids")
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    PREREQUISITE_IDS_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    prerequisite_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, skill_id: _Optional[str] = ..., prerequisite_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class PersonalizeLearningPathResponse(_message.Message):
    __slots__ = ("steps",)
    STEPS_FIELD_NUMBER: _ClassVar[int]
    steps: _containers.RepeatedCompositeFieldContainer[LearningPathStep]
    def __init__(self, steps: _Optional[_Iterable[_Union[LearningPathStep, _Mapping]]] = ...) -> None: ...

class LearningPathStep(_message.Message):
    __slots__ = ("skill_id", "mastery", "expected_mastery_gain")
    SKILL_ID_FIELD_NUMBER: _ClassVar[int]
    MASTERY_FIELD_NUMBER: _ClassVar[int]
    EXPECTED_MASTERY_GAIN_FIELD_NUMBER: _ClassVar[int]
    skill_id: str
    mastery: float
    expected_mastery_gain: float
    def __init__(self, skill_id: _Optional[str] = ..., mastery: _Optional[float] = ..., expected_mastery_gain: _Optional[float] = ...) -> None: ...

class RunInferenceRequest(_message.Message):
    __slots__ = ("model_type", "difficulty", "engagement", "content", "learning_style", "emotion", "focus", "learning_path")
    MODEL_TYPE_FIELD_NUMBER: _ClassVar[int]
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    LEARNING_STYLE_FIELD_NUMBER: _ClassVar[int]
    EMOTION_FIELD_NUMBER: _ClassVar[int]
    FOCUS_FIELD_NUMBER: _ClassVar[int]
    LEARNING_PATH_FIELD_NUMBER: _ClassVar[int]
    model_type: ModelType
    difficulty: PredictDifficultyRequest
    engagement: PredictEngagementRequest
    content: RecommendContentRequest
    learning_style: DetectLearningStyleRequest
    emotion: DetectEmotionRequest
    focus: PredictFocusRequest
    learning_path: PersonalizeLearningPathRequest
    def __init__(self, model_type: _Optional[_Union[ModelType, str]] = ..., difficulty: _Optional[_Union[PredictDifficultyRequest, _Mapping]] = ..., engagement: _Optional[_Union[PredictEngagementRequest, _Mapping]] = ..., content: _Optional[_Union[RecommendContentRequest, _Mapping]] = ..., learning_style: _Optional[_Union[DetectLearningStyleRequest, _Mapping]] = ..., emotion: _Optional[_Union[DetectEmotionRequest, _Mapping]] = ..., focus: _Optional[_Union[PredictFocusRequest, _Mapping]] = ..., learning_path: _Optional[_Union[PersonalizeLearningPathRequest, _Mapping]] = ...) -> None: ...

class RunInferenceResponse(_message.Message):
    __slots__ = ("difficulty", "engagement", "content", "learning_style", "emotion", "focus", "learning_path", "confidence")
    DIFFICULTY_FIELD_NUMBER: _ClassVar[int]
    ENGAGEMENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    LEARNING_STYLE_FIELD_NUMBER: _ClassVar[int]
    EMOTION_FIELD_NUMBER: _ClassVar[int]
    FOCUS_FIELD_NUMBER: _ClassVar[int]
    LEARNING_PATH_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    difficulty: PredictDifficultyResponse
    engagement: PredictEngagementResponse
    content: RecommendContentResponse
    learning_style: DetectLearningStyleResponse
    emotion: DetectEmotionResponse
    focus: PredictFocusResponse
    learning_path: PersonalizeLearningPathResponse
    confidence: float
    def __init__(self, difficulty: _Optional[_Union[PredictDifficultyResponse, _Mapping]] = ..., engagement: _Optional[_Union[PredictEngagementResponse, _Mapping]] = ..., content: _Optional[_Union[RecommendContentResponse, _Mapping]] = ..., learning_style: _Optional[_Union[DetectLearningStyleResponse, _Mapping]] = ..., emotion: _Optional[_Union[DetectEmotionResponse, _Mapping]] = ..., focus: _Optional[_Union[PredictFocusResponse, _Mapping]] = ..., learning_path: _Optional[_Union[PersonalizeLearningPathResponse, _Mapping]] = ..., confidence: _Optional[float] = ...) -> None: ...
