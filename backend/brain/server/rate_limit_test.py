import uuid

import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from aivo.brain.v1 import ml_pb2
from brain.server.testing import focus_request, headers, service_token
from brain.testing import make_config

LIMIT = 3


@pytest.fixture
def config(tmp_path, redis_url):
    return make_config(tmp_path, redis_url=redis_url, ml_rate_limit_per_minute=LIMIT)


@pytest.fixture
def tenant() -> str:
    # Counts in Redis outlive a test run, so each test is its own tenant.
    return f"tenant-{uuid.uuid4().hex}"


async def code_of(call) -> grpc.StatusCode:
    try:
        await call
    except grpc.aio.AioRpcError as error:
        return error.code()
    return grpc.StatusCode.OK


async def test_ml_calls_beyond_the_limit_are_refused_with_the_time_to_wait(brain, tenant):
    emotion = ml_pb2.DetectEmotionRequest(text="yay")
    within = [
        await code_of(brain.stub.DetectEmotion(emotion, metadata=headers(x_tenant_id=tenant))) for _ in range(LIMIT)
    ]

    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await brain.stub.DetectEmotion(emotion, metadata=headers(x_tenant_id=tenant))

    assert grpc.StatusCode.RESOURCE_EXHAUSTED not in within
    assert refused.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert f"{LIMIT} calls per minute reached for service 'gateway' and tenant '{tenant}'" in refused.value.details()
    retry = error_details_pb2.RetryInfo()
    rpc_status.from_call(refused.value).details[0].Unpack(retry)
    assert 1 <= retry.retry_delay.seconds <= 60
    assert f"retry in {retry.retry_delay.seconds} s" in refused.value.details()


async def test_every_ml_endpoint_and_run_inference_share_one_count(brain, tenant):
    calls = [
        (brain.stub.PredictDifficulty, ml_pb2.PredictDifficultyRequest(subject="math", current_level=3)),
        (brain.stub.DetectLearningStyle, ml_pb2.DetectLearningStyleRequest()),
        (brain.stub.RecommendContent, ml_pb2.RecommendContentRequest()),
        (
            brain.stub.RunInference,
            ml_pb2.RunInferenceRequest(
                model_type=ml_pb2.MODEL_TYPE_EMOTION_DETECTION, emotion=ml_pb2.DetectEmotionRequest()
            ),
        ),
    ]

    codes = [await code_of(rpc(request, metadata=headers(x_tenant_id=tenant))) for rpc, request in calls]

    assert grpc.StatusCode.RESOURCE_EXHAUSTED not in codes[:LIMIT]
    assert codes[LIMIT] == grpc.StatusCode.RESOURCE_EXHAUSTED


async def test_each_calling_service_and_tenant_has_its_own_count(brain, tenant):
    emotion = ml_pb2.DetectEmotionRequest()
    for _ in range(LIMIT):
        await code_of(brain.stub.DetectEmotion(emotion, metadata=headers(x_tenant_id=tenant)))

    other_tenant = await code_of(brain.stub.DetectEmotion(emotion, metadata=headers(x_tenant_id=tenant + "-b")))
    other_service = await code_of(
        brain.stub.DetectEmotion(emotion, metadata=headers(service_token(issuer="dispatch"), x_tenant_id=tenant))
    )

    assert grpc.StatusCode.RESOURCE_EXHAUSTED not in (other_tenant, other_service)


async def test_calls_outside_the_ml_endpoints_are_not_counted(brain, tenant):
    codes = [
        await code_of(brain.stub.AnalyzeFocus(focus_request(), metadata=headers(x_tenant_id=tenant)))
        for _ in range(LIMIT + 2)
    ]

    assert codes == [grpc.StatusCode.OK] * (LIMIT + 2)
