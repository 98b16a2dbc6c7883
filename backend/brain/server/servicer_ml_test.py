import math
import time

import grpc
import numpy as np
import pytest

from aivo.brain.v1 import analytics_pb2, ml_pb2
from brain.analytics import Answer
from brain.ml.simulation import simulated_session
from brain.server.testing import focus_request, headers

ADA = {"x_tenant_id": "tenant-a", "x_learner_id": "ada"}


def outcome(event_id: str, correct: bool = True, **fields) -> ml_pb2.RecordOutcomeRequest:
    fields = {"skill": "math", "item_id": "item-1", "level": 50, "response_time_ms": 2000, **fields}
    return ml_pb2.RecordOutcomeRequest(event_id=event_id, correct=correct, **fields)


def seed_difficulty_request(**fields) -> ml_pb2.PredictDifficultyRequest:
    return ml_pb2.PredictDifficultyRequest(
        subject="math", current_level=5, recent_performance=[0.8, 0.75, 0.9], **fields
    )


async def refusal(call) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await call
    return refused.value


async def test_the_seeds_difficulty_request_gets_a_cold_start_recommendation_with_its_confidence(brain):
    response = await brain.stub.PredictDifficulty(seed_difficulty_request(), metadata=headers(**ADA))

    assert response.cold_start
    assert response.recommended_level >= 5
    assert 0 < response.predicted_success_probability < 1 and 0 < response.confidence < 1


async def test_recorded_outcomes_replace_the_cold_start_and_move_the_ability(brain):
    for i in range(5):
        await brain.stub.RecordOutcome(outcome(f"e-{i}"), metadata=headers(**ADA))

    response = await brain.stub.PredictDifficulty(seed_difficulty_request(), metadata=headers(**ADA))

    assert not response.cold_start
    assert response.ability > 0 and response.recommended_level > 40


async def test_recording_an_event_twice_counts_it_once(brain):
    first = await brain.stub.RecordOutcome(outcome("e-1"), metadata=headers(**ADA))

    again = await brain.stub.RecordOutcome(outcome("e-1"), metadata=headers(**ADA))

    assert (first.duplicate, again.duplicate) == (False, True)
    assert again.attempts == first.attempts == 1


async def test_a_learner_named_in_the_request_is_found_within_the_callers_tenant_only(brain):
    await brain.stub.RecordOutcome(outcome("e-1", learner_id="bo"), metadata=headers(**ADA))

    same_tenant = await brain.stub.PredictDifficulty(seed_difficulty_request(learner_id="bo"), metadata=headers(**ADA))
    other_tenant = await brain.stub.PredictDifficulty(
        seed_difficulty_request(learner_id="bo"), metadata=headers(x_tenant_id="tenant-b")
    )

    assert not same_tenant.cold_start
    assert other_tenant.cold_start


async def test_a_call_without_a_tenant_is_refused_naming_the_header(brain):
    refused = await refusal(brain.stub.PredictDifficulty(seed_difficulty_request(learner_id="ada"), metadata=headers()))

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details().startswith("x-tenant-id:")


async def test_a_call_naming_no_learner_is_refused_naming_learner_id(brain):
    refused = await refusal(brain.stub.RecordOutcome(outcome("e-1"), metadata=headers(x_tenant_id="tenant-a")))

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details().startswith("learner_id:")


@pytest.mark.parametrize(
    ("request_message", "field"),
    [
        (seed_difficulty_request(target_success_rate=0.3), "target_success_rate"),
        (
            ml_pb2.PredictDifficultyRequest(subject="math", current_level=5, recent_performance=[math.nan]),
            "recent_performance",
        ),
        (ml_pb2.PredictDifficultyRequest(subject="math", current_level=101), "current_level"),
    ],
)
async def test_out_of_range_or_nan_input_is_invalid_argument_naming_the_field(brain, request_message, field):
    refused = await refusal(brain.stub.PredictDifficulty(request_message, metadata=headers(**ADA)))

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field in refused.details()


async def test_the_ability_history_has_a_point_per_recorded_answer_on_the_skill_asked_for(brain):
    first = await brain.stub.RecordOutcome(outcome("e-1"), metadata=headers(**ADA))
    second = await brain.stub.RecordOutcome(outcome("e-2", correct=False), metadata=headers(**ADA))
    await brain.stub.RecordOutcome(outcome("e-3", skill="reading"), metadata=headers(**ADA))

    response = await brain.stub.GetAbilityHistory(
        ml_pb2.GetAbilityHistoryRequest(skill="math"), metadata=headers(**ADA)
    )

    assert [(p.skill, p.ability, p.attempts, p.correct) for p in response.points] == [
        ("math", first.ability, 1, True),
        ("math", second.ability, 2, False),
    ]
    assert abs(response.points[0].recorded_at_unix_ms / 1000 - time.time()) < 86400


async def test_an_ability_history_limit_above_1000_is_invalid_argument_naming_limit(brain):
    refused = await refusal(
        brain.stub.GetAbilityHistory(ml_pb2.GetAbilityHistoryRequest(limit=1001), metadata=headers(**ADA))
    )

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "limit" in refused.details()


async def test_run_inference_answers_difficulty_like_predict_difficulty(brain):
    direct = await brain.stub.PredictDifficulty(seed_difficulty_request(), metadata=headers(**ADA))

    response = await brain.stub.RunInference(
        ml_pb2.RunInferenceRequest(
            model_type=ml_pb2.MODEL_TYPE_DIFFICULTY_PREDICTION, difficulty=seed_difficulty_request()
        ),
        metadata=headers(**ADA),
    )

    assert response.difficulty == direct
    assert response.confidence == direct.confidence


async def test_run_inference_names_a_bad_field_inside_its_input(brain):
    request = ml_pb2.RunInferenceRequest(
        model_type=ml_pb2.MODEL_TYPE_DIFFICULTY_PREDICTION, difficulty=seed_difficulty_request()
    )

    refused = await refusal(brain.stub.RunInference(request, metadata=headers(x_tenant_id="tenant-a")))

    assert refused.details().startswith("difficulty.learner_id:")


async def test_run_inference_answers_engagement_like_predict_engagement(brain):
    session = focus_request().session

    direct = await brain.stub.PredictEngagement(
        ml_pb2.PredictEngagementRequest(session=session), metadata=headers(**ADA)
    )
    response = await brain.stub.RunInference(
        ml_pb2.RunInferenceRequest(
            model_type=ml_pb2.MODEL_TYPE_ENGAGEMENT_PREDICTION,
            engagement=ml_pb2.PredictEngagementRequest(session=session),
        ),
        metadata=headers(**ADA),
    )

    assert response.engagement == direct
    assert direct.training_examples == 0 and 0 < direct.engaged_probability < 1


async def test_emotion_names_the_signals_it_used(brain):
    request = ml_pb2.DetectEmotionRequest(
        text="I hate this, it is too hard!!",
        prosody=ml_pb2.ProsodyFeatures(pitch_range_semitones=16, intensity_range_db=35, articulation_rate=5),
    )

    response = await brain.stub.DetectEmotion(request, metadata=headers(**ADA))

    assert response.emotion == "frustrated"
    assert list(response.signals) == ["text_sentiment", "voice_prosody"]
    assert response.valence < 0 and response.arousal > 0.5


async def test_emotion_without_text_or_voice_is_invalid_argument_naming_text(brain):
    refused = await refusal(brain.stub.DetectEmotion(ml_pb2.DetectEmotionRequest(), metadata=headers(**ADA)))

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details().startswith("text:")


def skill(skill_id: str, *prerequisites: str) -> ml_pb2.SkillNode:
    return ml_pb2.SkillNode(skill_id=skill_id, prerequisite_ids=prerequisites)


async def test_the_learning_path_puts_what_a_mastered_skill_unlocks_first(brain):
    for i in range(4):
        await brain.stub.RecordOutcome(outcome(f"e-{i}", skill="counting"), metadata=headers(**ADA))
    graph = [skill("addition", "counting"), skill("counting"), skill("multiplication", "addition")]

    response = await brain.stub.PersonalizeLearningPath(
        ml_pb2.PersonalizeLearningPathRequest(skills=graph), metadata=headers(**ADA)
    )

    assert [step.skill_id for step in response.steps] == ["addition", "multiplication"]
    assert response.steps[0].expected_mastery_gain > response.steps[1].expected_mastery_gain
    assert response.confidence == pytest.approx(1 / 3)


async def test_a_cyclic_prerequisite_graph_is_invalid_argument_naming_skills(brain):
    cyclic = [skill("a", "b"), skill("b", "a")]

    refused = await refusal(
        brain.stub.PersonalizeLearningPath(
            ml_pb2.PersonalizeLearningPathRequest(skills=cyclic), metadata=headers(**ADA)
        )
    )

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details() == "skills: the prerequisites form a cycle through a, b"


async def test_learning_style_ranks_the_modality_the_learner_does_best_in_and_says_it_is_only_observed(brain):
    for i in range(6):
        await brain.stub.RecordOutcome(outcome(f"v-{i}", modality="visual"), metadata=headers(**ADA))
        await brain.stub.RecordOutcome(
            outcome(f"a-{i}", correct=i % 2 == 0, modality="auditory"), metadata=headers(**ADA)
        )

    response = await brain.stub.DetectLearningStyle(ml_pb2.DetectLearningStyleRequest(), metadata=headers(**ADA))

    assert [p.modality for p in response.preferences][:2] == ["visual", "auditory"]
    assert "observed preference" in response.note
    assert 0 < response.confidence < 1


async def test_run_inference_answers_learning_style_with_its_confidence(brain):
    request = ml_pb2.RunInferenceRequest(
        model_type=ml_pb2.MODEL_TYPE_LEARNING_STYLE_DETECTION, learning_style=ml_pb2.DetectLearningStyleRequest()
    )

    response = await brain.stub.RunInference(request, metadata=headers(**ADA))

    assert len(response.learning_style.preferences) == 4
    assert response.confidence == response.learning_style.confidence


def catalog() -> list[ml_pb2.ContentItem]:
    return [
        ml_pb2.ContentItem(content_id=f"math-{level}", skill="math", level=level, modality="visual")
        for level in range(10, 100, 10)
    ] + [ml_pb2.ContentItem(content_id="read-1", skill="reading", level=20)]


async def test_content_recommendation_ranks_the_subjects_catalog_with_a_reason_for_each(brain):
    request = ml_pb2.RecommendContentRequest(subject="math", limit=3, catalog=catalog())

    response = await brain.stub.RecommendContent(request, metadata=headers(**ADA))

    assert len(response.items) == 3
    assert all(item.content_id.startswith("math-") and "predicted success" in item.reason for item in response.items)
    assert 0 <= response.confidence <= 1


async def test_answering_recommended_content_teaches_the_bandit_which_raises_its_confidence(brain):
    request = ml_pb2.RecommendContentRequest(subject="math", limit=9, catalog=catalog())
    before = await brain.stub.RecommendContent(request, metadata=headers(**ADA))

    for i, item in enumerate(before.items):
        await brain.stub.RecordOutcome(outcome(f"e-{i}", item_id=item.content_id), metadata=headers(**ADA))
    after = await brain.stub.RecommendContent(request, metadata=headers(**ADA))

    assert after.confidence > before.confidence


async def test_a_catalog_with_a_content_id_twice_is_invalid_argument_naming_it(brain):
    twice = [*catalog(), catalog()[0]]

    refused = await refusal(
        brain.stub.RecommendContent(ml_pb2.RecommendContentRequest(catalog=twice), metadata=headers(**ADA))
    )

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details().startswith("catalog[10].content_id:")


def simulated_session_message(seed: int, fades_at_minute: float | None) -> analytics_pb2.FocusSession:
    session = simulated_session(np.random.default_rng(seed), 16, fades_at_minute)
    events = [
        analytics_pb2.FocusEvent(
            offset_ms=e.offset_ms,
            answer=analytics_pb2.AnswerEvent(correct=e.correct, response_time_ms=e.response_time_ms),
        )
        if isinstance(e, Answer)
        else analytics_pb2.FocusEvent(offset_ms=e.offset_ms, idle=analytics_pb2.IdleEvent(duration_ms=e.duration_ms))
        for e in session.events
    ]
    return analytics_pb2.FocusSession(
        session_id=f"s-{seed}", child_age_months=96, elapsed_ms=session.elapsed_ms, events=events
    )


async def test_recorded_sessions_fit_the_tenants_engagement_and_focus_models(brain):
    for seed in range(12):
        recorded = await brain.stub.RecordSession(
            ml_pb2.RecordSessionRequest(session=simulated_session_message(seed, 4.0 if seed % 2 else None)),
            metadata=headers(**ADA),
        )
        assert recorded.examples == 12
    session = simulated_session_message(99, None)

    engagement = await brain.stub.PredictEngagement(
        ml_pb2.PredictEngagementRequest(session=session), metadata=headers(**ADA)
    )
    focus = await brain.stub.PredictFocus(ml_pb2.PredictFocusRequest(session=session), metadata=headers(**ADA))
    other_tenant = await brain.stub.PredictFocus(
        ml_pb2.PredictFocusRequest(session=session), metadata=headers(x_tenant_id="tenant-b", x_learner_id="ada")
    )

    assert engagement.training_examples == focus.training_examples == 72
    assert engagement.confidence > 0 and focus.confidence > 0
    assert other_tenant.training_examples == 0


async def test_recording_a_session_again_replaces_what_it_taught(brain):
    session = simulated_session_message(1, None)
    for _ in range(2):
        await brain.stub.RecordSession(ml_pb2.RecordSessionRequest(session=session), metadata=headers(**ADA))

    for seed in range(2, 8):
        await brain.stub.RecordSession(
            ml_pb2.RecordSessionRequest(session=simulated_session_message(seed, 4.0)), metadata=headers(**ADA)
        )
    focus = await brain.stub.PredictFocus(ml_pb2.PredictFocusRequest(session=session), metadata=headers(**ADA))

    assert focus.training_examples == 7 * 6


async def test_a_session_without_an_id_cannot_be_recorded(brain):
    session = focus_request().session
    session.session_id = ""

    refused = await refusal(
        brain.stub.RecordSession(ml_pb2.RecordSessionRequest(session=session), metadata=headers(**ADA))
    )

    assert refused.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.details().startswith("session.session_id:")
