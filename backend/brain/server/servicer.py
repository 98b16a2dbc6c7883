"""BrainService: each RPC converts its request, calls its domain and converts the answer back.

Validation, authentication, rate limits and error statuses happen in the interceptors around it.
"""

from aivo.brain.v1 import analytics_pb2, federated_pb2, ml_pb2, speech_pb2, status_pb2
from brain.analytics import analyze_attention, recommend_break, score_focus
from brain.convert.analytics import attention_to_proto, break_to_proto, focus_score_to_proto, session_from_proto
from brain.convert.federated import (
    aggregated_to_proto,
    privacy_from_proto,
    round_to_proto,
    settings_from_proto,
    strategy_from_proto,
    strategy_options_from_proto,
    submission_from_proto,
    tenant_of,
    tensors_from_proto,
)
from brain.convert.ml import (
    ability_history_to_proto,
    catalog_from_proto,
    content_to_proto,
    difficulty_to_proto,
    emotion_to_proto,
    engagement_to_proto,
    focus_to_proto,
    history_limit_of,
    inference_response,
    learner_of,
    learning_path_to_proto,
    limit_of,
    modality_preferences_to_proto,
    outcome_from_proto,
    prosody_from_proto,
    recorded_outcome_to_proto,
    skills_from_proto,
    target_of,
)
from brain.convert.speech import (
    analyze_speech_request,
    analyze_speech_response,
    articulation_request,
    articulation_response,
    audio_from_proto,
    fluency_request,
    fluency_response,
    prosody_request,
    prosody_response,
    transcribe_request,
    transcribe_response,
)
from brain.convert.status import status_to_proto
from brain.errors import InvalidInputError
from brain.federated.service import Federation
from brain.ml.content import catalog_for, recommend_content
from brain.ml.difficulty import predict_difficulty
from brain.ml.emotion import detect_emotion
from brain.ml.learning_path import plan_learning_path
from brain.ml.modality import modality_preferences
from brain.ml.session_models import ENGAGEMENT, FOCUS
from brain.ml.sessions import SessionLearning
from brain.ml.store import LearnerStore
from brain.server.contract import BRAIN_SERVICE
from brain.speech import SpeechService
from brain.status import service_status
from brain.storage import Storage

# The BrainService RPC that takes each request message, by the message's full name.
_RPC_TAKING = {method.input_type.full_name: method.name for method in BRAIN_SERVICE.methods}


class BrainServicer:
    def __init__(self, storage: Storage, started_at: float, speech: SpeechService) -> None:
        self._storage = storage
        self._started_at = started_at
        self._speech = speech
        self._learners = LearnerStore(storage.engine)
        self._sessions = SessionLearning(self._learners)
        self._federation = Federation(storage.engine)

    async def AnalyzeFocus(
        self, request: analytics_pb2.AnalyzeFocusRequest, context
    ) -> analytics_pb2.AnalyzeFocusResponse:
        return focus_score_to_proto(score_focus(session_from_proto(request.session)))

    async def PredictBreak(
        self, request: analytics_pb2.PredictBreakRequest, context
    ) -> analytics_pb2.PredictBreakResponse:
        return break_to_proto(recommend_break(session_from_proto(request.session)))

    async def AnalyzeAttention(
        self, request: analytics_pb2.AnalyzeAttentionRequest, context
    ) -> analytics_pb2.AnalyzeAttentionResponse:
        return attention_to_proto(analyze_attention(session_from_proto(request.session)))

    async def PredictDifficulty(
        self, request: ml_pb2.PredictDifficultyRequest, context
    ) -> ml_pb2.PredictDifficultyResponse:
        recorded = await self._learners.skill_rating(learner_of(request.learner_id), request.subject)
        return difficulty_to_proto(
            predict_difficulty(recorded, request.current_level, request.recent_performance, target_of(request))
        )

    async def RecordOutcome(self, request: ml_pb2.RecordOutcomeRequest, context) -> ml_pb2.RecordOutcomeResponse:
        recorded = await self._learners.record_outcome(learner_of(request.learner_id), outcome_from_proto(request))
        return recorded_outcome_to_proto(recorded)

    async def GetAbilityHistory(
        self, request: ml_pb2.GetAbilityHistoryRequest, context
    ) -> ml_pb2.GetAbilityHistoryResponse:
        learner = learner_of(request.learner_id)
        return ability_history_to_proto(
            await self._learners.ability_history(learner, request.skill, history_limit_of(request))
        )

    async def RecordSession(self, request: ml_pb2.RecordSessionRequest, context) -> ml_pb2.RecordSessionResponse:
        learner = learner_of(request.learner_id)
        given = await self._sessions.record(learner, request.session.session_id, session_from_proto(request.session))
        return ml_pb2.RecordSessionResponse(examples=given)

    async def PredictEngagement(
        self, request: ml_pb2.PredictEngagementRequest, context
    ) -> ml_pb2.PredictEngagementResponse:
        learner = learner_of(request.learner_id)
        return engagement_to_proto(
            await self._sessions.predict(learner, ENGAGEMENT, session_from_proto(request.session))
        )

    async def PredictFocus(self, request: ml_pb2.PredictFocusRequest, context) -> ml_pb2.PredictFocusResponse:
        learner = learner_of(request.learner_id)
        return focus_to_proto(await self._sessions.predict(learner, FOCUS, session_from_proto(request.session)))

    async def RecommendContent(
        self, request: ml_pb2.RecommendContentRequest, context
    ) -> ml_pb2.RecommendContentResponse:
        learner = learner_of(request.learner_id)
        catalog = catalog_for(catalog_from_proto(request), request.subject)
        view = await self._learners.learner_view(learner, catalog)
        posterior = await self._learners.content_posterior(learner.tenant_id)
        ranking = recommend_content(catalog, view, posterior, limit_of(request))
        await self._learners.remember_recommendations(learner, ranking.items)
        return content_to_proto(ranking)

    async def DetectLearningStyle(
        self, request: ml_pb2.DetectLearningStyleRequest, context
    ) -> ml_pb2.DetectLearningStyleResponse:
        evidence = await self._learners.modality_evidence(learner_of(request.learner_id))
        return modality_preferences_to_proto(modality_preferences(evidence))

    async def DetectEmotion(self, request: ml_pb2.DetectEmotionRequest, context) -> ml_pb2.DetectEmotionResponse:
        return emotion_to_proto(detect_emotion(request.text, prosody_from_proto(request)))

    async def PersonalizeLearningPath(
        self, request: ml_pb2.PersonalizeLearningPathRequest, context
    ) -> ml_pb2.PersonalizeLearningPathResponse:
        learner = learner_of(request.learner_id)
        skills = skills_from_proto(request)
        masteries = await self._learners.masteries(learner, [skill.skill_id for skill in skills])
        return learning_path_to_proto(plan_learning_path(skills, masteries, limit_of(request)))

    async def RunInference(self, request: ml_pb2.RunInferenceRequest, context) -> ml_pb2.RunInferenceResponse:
        """Runs the RPC that takes the request's input (validation has matched it to model_type), so both
        entries share one code path; a bad field is named inside the input."""
        case = request.WhichOneof("input")
        rpc = getattr(self, _RPC_TAKING[request.DESCRIPTOR.fields_by_name[case].message_type.full_name])
        try:
            output = await rpc(getattr(request, case), context)
        except InvalidInputError as error:
            raise InvalidInputError(f"{case}.{error.field}", error.message) from error
        return inference_response(case, output)

    async def RegisterFederatedModel(
        self, request: federated_pb2.RegisterFederatedModelRequest, context
    ) -> federated_pb2.RegisterFederatedModelResponse:
        model = await self._federation.register(
            tenant_of(),
            request.model_id,
            tensors_from_proto(request.initial_weights),
            settings_from_proto(request.settings),
        )
        return federated_pb2.RegisterFederatedModelResponse(version=model.version, round=model.round)

    async def GetFederatedRound(
        self, request: federated_pb2.GetFederatedRoundRequest, context
    ) -> federated_pb2.GetFederatedRoundResponse:
        return round_to_proto(await self._federation.round_status(tenant_of(), request.model_id))

    async def SubmitModelUpdate(
        self, request: federated_pb2.SubmitModelUpdateRequest, context
    ) -> federated_pb2.SubmitModelUpdateResponse:
        round_ = await self._federation.submit(tenant_of(), submission_from_proto(request))
        return federated_pb2.SubmitModelUpdateResponse(accepted=True, round=round_)

    async def AggregateUpdates(
        self, request: federated_pb2.AggregateUpdatesRequest, context
    ) -> federated_pb2.AggregateUpdatesResponse:
        aggregated = await self._federation.aggregate(
            tenant_of(),
            request.model_id,
            request.round,
            strategy_from_proto(request),
            strategy_options_from_proto(request),
            privacy_from_proto(request),
        )
        return aggregated_to_proto(aggregated)

    async def AnalyzeSpeech(
        self, request: speech_pb2.AnalyzeSpeechRequest, context
    ) -> speech_pb2.AnalyzeSpeechResponse:
        result = await self._speech.analyze(audio_from_proto(request.audio), analyze_speech_request(request))
        return analyze_speech_response(result)

    async def AnalyzeArticulation(
        self, request: speech_pb2.AnalyzeArticulationRequest, context
    ) -> speech_pb2.AnalyzeArticulationResponse:
        result = await self._speech.analyze(audio_from_proto(request.audio), articulation_request(request))
        return articulation_response(result)

    async def AnalyzeFluency(
        self, request: speech_pb2.AnalyzeFluencyRequest, context
    ) -> speech_pb2.AnalyzeFluencyResponse:
        return fluency_response(await self._speech.analyze(audio_from_proto(request.audio), fluency_request(request)))

    async def AnalyzeProsody(
        self, request: speech_pb2.AnalyzeProsodyRequest, context
    ) -> speech_pb2.AnalyzeProsodyResponse:
        return prosody_response(await self._speech.analyze(audio_from_proto(request.audio), prosody_request(request)))

    async def TranscribeSpeech(
        self, request: speech_pb2.TranscribeSpeechRequest, context
    ) -> speech_pb2.TranscribeSpeechResponse:
        result = await self._speech.analyze(audio_from_proto(request.audio), transcribe_request(request))
        return transcribe_response(result)

    async def GetServiceStatus(
        self, request: status_pb2.GetServiceStatusRequest, context
    ) -> status_pb2.GetServiceStatusResponse:
        return status_to_proto(await service_status(self._storage, self._started_at))
