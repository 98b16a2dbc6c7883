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
    __slots__ = ("learner_id", "subject", "current_level", "recent_performance", "target_success_rate")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    CURRENT_LEVEL_FIELD_NUMBER: _ClassVar[int]
    RECENT_PERFORMANCE_FIELD_NUMBER: _ClassVar[int]
    TARGET_SUCCESS_RATE_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    subject: str
    current_level: int
    recent_performance: _containers.RepeatedScalarFieldContainer[float]
    target_success_rate: float
    def __init__(self, learner_id: _Optional[str] = ..., subject: _Optional[str] = ..., current_level: _Optional[int] = ..., recent_performance: _Optional[_Iterable[float]] = ..., target_success_rate: _Optional[float] = ...) -> None: ...

class PredictDifficultyResponse(_message.Message):
    __slots__ = ("recommended_level", "predicted_success_probability", "confidence", "ability", "current_level_success_probability", "cold_start")
    RECOMMENDED_LEVEL_FIELD_NUMBER: _ClassVar[int]
    PREDICTED_SUCCESS_PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    ABILITY_FIELD_NUMBER: _ClassVar[int]
    CURRENT_LEVEL_SUCCESS_PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    COLD_START_FIELD_NUMBER: _ClassVar[int]
    recommended_level: int
    predicted_success_probability: float
    confidence: float
    ability: float
    current_level_success_probability: float
    cold_start: bool
    def __init__(self, recommended_level: _Optional[int] = ..., predicted_success_probability: _Optional[float] = ..., confidence: _Optional[float] = ..., ability: _Optional[float] = ..., current_level_success_probability: _Optional[float] = ..., cold_start: bool = ...) -> None: ...

class RecordOutcomeRequest(_message.Message):
    __slots__ = ("event_id", "learner_id", "skill", "item_id", "level", "correct", "response_time_ms", "modality")
    EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_FIELD_NUMBER: _ClassVar[int]
    ITEM_ID_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    CORRECT_FIELD_NUMBER: _ClassVar[int]
    RESPONSE_TIME_MS_FIELD_NUMBER: _ClassVar[int]
    MODALITY_FIELD_NUMBER: _ClassVar[int]
    event_id: str
    learner_id: str
    skill: str
    item_id: str
    level: int
    correct: bool
    response_time_ms: int
    modality: str
    def __init__(self, event_id: _Optional[str] = ..., learner_id: _Optional[str] = ..., skill: _Optional[str] = ..., item_id: _Optional[str] = ..., level: _Optional[int] = ..., correct: bool = ..., response_time_ms: _Optional[int] = ..., modality: _Optional[str] = ...) -> None: ...

class RecordOutcomeResponse(_message.Message):
    __slots__ = ("duplicate", "ability", "attempts")
    DUPLICATE_FIELD_NUMBER: _ClassVar[int]
    ABILITY_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    duplicate: bool
    ability: float
    attempts: int
    def __init__(self, duplicate: bool = ..., ability: _Optional[float] = ..., attempts: _Optional[int] = ...) -> None: ...

class GetAbilityHistoryRequest(_message.Message):
    __slots__ = ("learner_id", "skill", "limit")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    skill: str
    limit: int
    def __init__(self, learner_id: _Optional[str] = ..., skill: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class GetAbilityHistoryResponse(_message.Message):
    __slots__ = ("points",)
    POINTS_FIELD_NUMBER: _ClassVar[int]
    points: _containers.RepeatedCompositeFieldContainer[AbilityPoint]
    def __init__(self, points: _Optional[_Iterable[_Union[AbilityPoint, _Mapping]]] = ...) -> None: ...

class AbilityPoint(_message.Message):
    __slots__ = ("skill", "recorded_at_unix_ms", "ability", "attempts", "correct")
    SKILL_FIELD_NUMBER: _ClassVar[int]
    RECORDED_AT_UNIX_MS_FIELD_NUMBER: _ClassVar[int]
    ABILITY_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    CORRECT_FIELD_NUMBER: _ClassVar[int]
    skill: str
    recorded_at_unix_ms: int
    ability: float
    attempts: int
    correct: bool
    def __init__(self, skill: _Optional[str] = ..., recorded_at_unix_ms: _Optional[int] = ..., ability: _Optional[float] = ..., attempts: _Optional[int] = ..., correct: bool = ...) -> None: ...

class PredictEngagementRequest(_message.Message):
    __slots__ = ("learner_id", "session")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    session: _analytics_pb2.FocusSession
    def __init__(self, learner_id: _Optional[str] = ..., session: _Optional[_Union[_analytics_pb2.FocusSession, _Mapping]] = ...) -> None: ...

class PredictEngagementResponse(_message.Message):
    __slots__ = ("engaged_probability", "confidence", "training_examples")
    ENGAGED_PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    TRAINING_EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    engaged_probability: float
    confidence: float
    training_examples: int
    def __init__(self, engaged_probability: _Optional[float] = ..., confidence: _Optional[float] = ..., training_examples: _Optional[int] = ...) -> None: ...

class RecommendContentRequest(_message.Message):
    __slots__ = ("learner_id", "subject", "limit", "catalog")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    CATALOG_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    subject: str
    limit: int
    catalog: _containers.RepeatedCompositeFieldContainer[ContentItem]
    def __init__(self, learner_id: _Optional[str] = ..., subject: _Optional[str] = ..., limit: _Optional[int] = ..., catalog: _Optional[_Iterable[_Union[ContentItem, _Mapping]]] = ...) -> None: ...

class ContentItem(_message.Message):
    __slots__ = ("content_id", "skill", "level", "modality", "prerequisite_ids")
    CONTENT_ID_FIELD_NUMBER: _ClassVar[int]
    SKILL_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    MODALITY_FIELD_NUMBER: _ClassVar[int]
    PREREQUISITE_IDS_FIELD_NUMBER: _ClassVar[int]
    content_id: str
    skill: str
    level: int
    modality: str
    prerequisite_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, content_id: _Optional[str] = ..., skill: _Optional[str] = ..., level: _Optional[int] = ..., modality: _Optional[str] = ..., prerequisite_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class RecommendContentResponse(_message.Message):
    __slots__ = ("items", "confidence")
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    items: _containers.RepeatedCompositeFieldContainer[ContentRecommendation]
    confidence: float
    def __init__(self, items: _Optional[_Iterable[_Union[ContentRecommendation, _Mapping]]] = ..., confidence: _Optional[float] = ...) -> None: ...

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
    __slots__ = ("preferences", "note", "confidence")
    PREFERENCES_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    preferences: _containers.RepeatedCompositeFieldContainer[ModalityPreference]
    note: str
    confidence: float
    def __init__(self, preferences: _Optional[_Iterable[_Union[ModalityPreference, _Mapping]]] = ..., note: _Optional[str] = ..., confidence: _Optional[float] = ...) -> None: ...

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
    __slots__ = ("learner_id", "text", "prosody")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    PROSODY_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    text: str
    prosody: ProsodyFeatures
    def __init__(self, learner_id: _Optional[str] = ..., text: _Optional[str] = ..., prosody: _Optional[_Union[ProsodyFeatures, _Mapping]] = ...) -> None: ...

class ProsodyFeatures(_message.Message):
    __slots__ = ("pitch_range_semitones", "intensity_range_db", "articulation_rate")
    PITCH_RANGE_SEMITONES_FIELD_NUMBER: _ClassVar[int]
    INTENSITY_RANGE_DB_FIELD_NUMBER: _ClassVar[int]
    ARTICULATION_RATE_FIELD_NUMBER: _ClassVar[int]
    pitch_range_semitones: float
    intensity_range_db: float
    articulation_rate: float
    def __init__(self, pitch_range_semitones: _Optional[float] = ..., intensity_range_db: _Optional[float] = ..., articulation_rate: _Optional[float] = ...) -> None: ...

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
    __slots__ = ("focused_probability", "confidence", "training_examples")
    FOCUSED_PROBABILITY_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    TRAINING_EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    focused_probability: float
    confidence: float
    training_examples: int
    def __init__(self, focused_probability: _Optional[float] = ..., confidence: _Optional[float] = ..., training_examples: _Optional[int] = ...) -> None: ...

class RecordSessionRequest(_message.Message):
    __slots__ = ("learner_id", "session")
    LEARNER_ID_FIELD_NUMBER: _ClassVar[int]
    SESSION_FIELD_NUMBER: _ClassVar[int]
    learner_id: str
    session: _analytics_pb2.FocusSession
    def __init__(self, learner_id: _Optional[str] = ..., session: _Optional[_Union[_analytics_pb2.FocusSession, _Mapping]] = ...) -> None: ...

class RecordSessionResponse(_message.Message):
    __slots__ = ("examples",)
    EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    examples: int
    def __init__(self, examples: _Optional[int] = ...) -> None: ...

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
    __slots__ = ("steps", "confidence")
    STEPS_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    steps: _containers.RepeatedCompositeFieldContainer[LearningPathStep]
    confidence: float
    def __init__(self, steps: _Optional[_Iterable[_Union[LearningPathStep, _Mapping]]] = ..., confidence: _Optional[float] = ...) -> None: ...

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
