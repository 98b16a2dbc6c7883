"""Between aivo.brain.v1 ML messages and the learner models' types, and whose learner a call is about."""

from datetime import UTC, datetime

from aivo.brain.v1 import ml_pb2 as pb
from brain.errors import InvalidInputError
from brain.ml.content import ContentItem, ContentRanking
from brain.ml.difficulty import DEFAULT_TARGET_SUCCESS_RATE, DifficultyPrediction
from brain.ml.emotion import Emotion, Prosody
from brain.ml.learning_path import LearningPath, SkillNode
from brain.ml.modality import ModalityPreferences
from brain.ml.outcomes import AbilityPoint, LearnerKey, Outcome, RecordedOutcome
from brain.ml.session_models import SessionPrediction
from brain.server.call_context import current_call, required_tenant


def learner_of(learner_id: str) -> LearnerKey:
    """The learner a request names, else the caller's (x-learner-id), within the caller's tenant (x-tenant-id),
    so a call can only ever reach its own tenant's learners."""
    tenant_id = required_tenant("learner state is kept per tenant")
    learner = learner_id or current_call.get().learner_id
    if not learner:
        raise InvalidInputError("learner_id", "required when the call carries no x-learner-id")
    return LearnerKey(tenant_id, learner)


def target_of(request: pb.PredictDifficultyRequest) -> float:
    return request.target_success_rate or DEFAULT_TARGET_SUCCESS_RATE


def difficulty_to_proto(prediction: DifficultyPrediction) -> pb.PredictDifficultyResponse:
    return pb.PredictDifficultyResponse(
        recommended_level=prediction.recommended_level,
        predicted_success_probability=prediction.predicted_success_probability,
        confidence=prediction.confidence,
        ability=prediction.ability,
        current_level_success_probability=prediction.current_level_success_probability,
        cold_start=prediction.cold_start,
    )


def outcome_from_proto(request: pb.RecordOutcomeRequest) -> Outcome:
    return Outcome(
        event_id=request.event_id,
        skill=request.skill,
        item_id=request.item_id,
        level=request.level,
        correct=request.correct,
        response_time_ms=request.response_time_ms,
        modality=request.modality,
    )


def recorded_outcome_to_proto(recorded: RecordedOutcome) -> pb.RecordOutcomeResponse:
    return pb.RecordOutcomeResponse(duplicate=recorded.duplicate, ability=recorded.ability, attempts=recorded.attempts)


def history_limit_of(request: pb.GetAbilityHistoryRequest) -> int:
    """The contract's limit, where 0 means 200."""
    return request.limit or 200


def ability_history_to_proto(points: list[AbilityPoint]) -> pb.GetAbilityHistoryResponse:
    return pb.GetAbilityHistoryResponse(
        points=[
            pb.AbilityPoint(
                skill=point.skill,
                recorded_at_unix_ms=_unix_ms(point.recorded_at),
                ability=point.ability,
                attempts=point.attempts,
                correct=point.correct,
            )
            for point in points
        ]
    )


def _unix_ms(moment: datetime) -> int:
    # The store keeps recorded_at in UTC without a zone.
    return round(moment.replace(tzinfo=UTC).timestamp() * 1000)


def inference_response(case: str, output) -> pb.RunInferenceResponse:
    """RunInference's answer: the output in the field named like the request's input, with its confidence."""
    return pb.RunInferenceResponse(**{case: output}, confidence=output.confidence)


def limit_of(request: pb.RecommendContentRequest | pb.PersonalizeLearningPathRequest) -> int:
    """The contract's limit, where 0 means 5."""
    return request.limit or 5


def skills_from_proto(request: pb.PersonalizeLearningPathRequest) -> tuple[SkillNode, ...]:
    return tuple(SkillNode(skill.skill_id, tuple(skill.prerequisite_ids)) for skill in request.skills)


def learning_path_to_proto(path: LearningPath) -> pb.PersonalizeLearningPathResponse:
    return pb.PersonalizeLearningPathResponse(
        steps=[
            pb.LearningPathStep(
                skill_id=step.skill_id, mastery=step.mastery, expected_mastery_gain=step.expected_mastery_gain
            )
            for step in path.steps
        ],
        confidence=path.confidence,
    )


def modality_preferences_to_proto(result: ModalityPreferences) -> pb.DetectLearningStyleResponse:
    return pb.DetectLearningStyleResponse(
        preferences=[
            pb.ModalityPreference(
                modality=p.modality,
                probability=p.probability,
                credible_interval_low=p.credible_interval_low,
                credible_interval_high=p.credible_interval_high,
            )
            for p in result.preferences
        ],
        note=result.note,
        confidence=result.confidence,
    )


def prosody_from_proto(request: pb.DetectEmotionRequest) -> Prosody | None:
    if not request.HasField("prosody"):
        return None
    features = request.prosody
    return Prosody(features.pitch_range_semitones, features.intensity_range_db, features.articulation_rate)


def emotion_to_proto(emotion: Emotion) -> pb.DetectEmotionResponse:
    return pb.DetectEmotionResponse(
        emotion=emotion.emotion,
        valence=emotion.valence,
        arousal=emotion.arousal,
        confidence=emotion.confidence,
        signals=emotion.signals,
    )


def catalog_from_proto(request: pb.RecommendContentRequest) -> tuple[ContentItem, ...]:
    return tuple(
        ContentItem(item.content_id, item.skill, item.level, item.modality, tuple(item.prerequisite_ids))
        for item in request.catalog
    )


def content_to_proto(ranking: ContentRanking) -> pb.RecommendContentResponse:
    return pb.RecommendContentResponse(
        items=[
            pb.ContentRecommendation(content_id=item.content_id, score=item.score, reason=item.reason)
            for item in ranking.items
        ],
        confidence=ranking.confidence,
    )


def engagement_to_proto(prediction: SessionPrediction) -> pb.PredictEngagementResponse:
    return pb.PredictEngagementResponse(
        engaged_probability=prediction.probability,
        confidence=prediction.confidence,
        training_examples=prediction.training_examples,
    )


def focus_to_proto(prediction: SessionPrediction) -> pb.PredictFocusResponse:
    return pb.PredictFocusResponse(
        focused_probability=prediction.probability,
        confidence=prediction.confidence,
        training_examples=prediction.training_examples,
    )
