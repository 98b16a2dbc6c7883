import asyncio
import uuid

import grpc
import pytest
import structlog
from structlog.testing import capture_logs

from brain.server.testing import focus_request, headers


async def test_a_given_request_id_is_sent_back(brain):
    call = brain.stub.AnalyzeFocus(focus_request(), metadata=headers(x_request_id="req-0001.a:b_c-d"))

    metadata = await call.initial_metadata()
    await call

    assert metadata["x-request-id"] == "req-0001.a:b_c-d"


async def test_a_missing_request_id_is_made_and_sent_back(brain):
    call = brain.stub.AnalyzeFocus(focus_request(), metadata=headers())

    metadata = await call.initial_metadata()
    await call

    assert uuid.UUID(metadata["x-request-id"]).version == 4


@pytest.mark.parametrize("malformed", ["short", "x" * 129, "has spaces in it", "semi;colon-123"])
async def test_a_malformed_request_id_is_refused_naming_the_header(brain, malformed):
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await brain.stub.AnalyzeFocus(focus_request(), metadata=headers(x_request_id=malformed))

    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.value.details().startswith("x-request-id: ")


async def logged_calls(logs: list[dict], count: int) -> list[dict]:
    """The call lines once there are count of them: an aborted call is logged just after its status went out."""
    for _ in range(200):
        calls = [entry for entry in logs if entry["event"] == "call"]
        if len(calls) >= count:
            return calls
        await asyncio.sleep(0.01)
    return calls


async def test_each_call_is_logged_once_with_who_asked_and_how_it_ended(brain):
    with capture_logs(processors=[structlog.contextvars.merge_contextvars]) as logs:
        await brain.stub.AnalyzeFocus(
            focus_request(),
            metadata=headers(x_request_id="req-12345678", x_tenant_id="tenant-a", x_learner_id="learner-7"),
        )
        with pytest.raises(grpc.aio.AioRpcError):
            await brain.stub.AnalyzeFocus(focus_request(), metadata=headers("bad.token", x_request_id="req-87654321"))
        calls = await logged_calls(logs, 2)

    assert [(c["request_id"], c["status"]) for c in calls] == [
        ("req-12345678", "OK"),
        ("req-87654321", "UNAUTHENTICATED"),
    ]
    served, refused = calls
    assert served["method"] == "/aivo.brain.v1.BrainService/AnalyzeFocus"
    assert (served["tenant_id"], served["learner_id"], served["caller"], served["error"]) == (
        "tenant-a",
        "learner-7",
        "gateway",
        None,
    )
    assert served["duration_ms"] >= 0
    assert refused["error"].startswith("invalid service token")
    assert "caller" not in refused, "each call has a context of its own"
    assert "bad.token" not in str(logs)
