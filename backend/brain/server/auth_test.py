import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from brain.server.testing import focus_request, headers, service_token


async def test_a_call_without_a_service_token_is_unauthenticated(brain):
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await brain.stub.AnalyzeFocus(focus_request())

    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert "missing service token" in refused.value.details()


@pytest.mark.parametrize(
    ("token", "complaint"),
    [
        (service_token(secret="another-secret-that-is-long-enough-0123"), "Signature verification failed"),
        (service_token(expires_in_s=-60), "expired"),
        ("not.a.jwt", "invalid service token"),
    ],
    ids=["wrong key", "expired", "garbage"],
)
async def test_a_call_with_a_bad_service_token_is_unauthenticated(brain, token, complaint):
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await brain.stub.AnalyzeFocus(focus_request(), metadata=headers(token))

    assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert complaint in refused.value.details()


async def test_a_token_minted_for_another_service_is_permission_denied(brain):
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await brain.stub.AnalyzeFocus(focus_request(), metadata=headers(service_token(audience="dispatch")))

    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert "aud must be 'brain'" in refused.value.details()


async def test_a_call_with_a_valid_service_token_is_served(brain):
    response = await brain.stub.AnalyzeFocus(focus_request(), metadata=headers())

    assert 0 <= response.score <= 100


async def test_health_answers_without_credentials_for_the_server_and_the_brain_service(brain):
    health = health_pb2_grpc.HealthStub(brain.channel)

    answers = [
        await health.Check(health_pb2.HealthCheckRequest(service=service))
        for service in ("", "aivo.brain.v1.BrainService")
    ]

    assert [a.status for a in answers] == [health_pb2.HealthCheckResponse.SERVING] * 2


async def test_reflection_lists_the_services_without_credentials(brain):
    reflection = reflection_pb2_grpc.ServerReflectionStub(brain.channel)

    answers = [
        a
        async for a in reflection.ServerReflectionInfo(iter([reflection_pb2.ServerReflectionRequest(list_services="")]))
    ]

    names = {service.name for service in answers[0].list_services_response.service}
    assert names == {"aivo.brain.v1.BrainService", "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection"}
