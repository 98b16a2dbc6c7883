import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from aivo.brain.v1 import analytics_pb2, ml_pb2
from brain.server.testing import focus_request, headers


async def refusal(call) -> grpc.aio.AioRpcError:
    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await call
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    return refused.value


async def test_a_bad_field_is_named_and_the_next_call_is_served(brain):
    error = await refusal(brain.stub.AnalyzeFocus(focus_request(child_age_months=3), metadata=headers()))
    answer = await brain.stub.AnalyzeFocus(focus_request(), metadata=headers())

    assert (
        error.details() == "session.child_age_months: must be greater than or equal to 24 and less than or equal to 216"
    )
    assert 0 <= answer.score <= 100


async def test_every_violation_is_listed_with_its_path_including_list_positions(brain):
    request = focus_request()
    request.session.events[2].answer.response_time_ms = 0
    request.session.events.add(offset_ms=5)

    error = await refusal(
        brain.stub.PredictBreak(analytics_pb2.PredictBreakRequest(session=request.session), metadata=headers())
    )

    assert error.details().split("; ") == [
        "session.events[2].answer.response_time_ms: must be greater than 0 and less than or equal to 3600000",
        "session.events[20].kind: exactly one field is required in oneof [required]",
    ]


async def test_a_broken_rule_of_the_contract_is_named_by_its_id(brain):
    request = focus_request()
    request.session.elapsed_ms = 1000

    error = await refusal(
        brain.stub.AnalyzeAttention(analytics_pb2.AnalyzeAttentionRequest(session=request.session), metadata=headers())
    )

    assert error.details() == (
        "session: elapsed_ms must not be before the end of the last event [focus_session.elapsed_covers_events]"
    )


async def test_the_violations_also_travel_as_a_bad_request_detail(brain):
    error = await refusal(brain.stub.AnalyzeFocus(analytics_pb2.AnalyzeFocusRequest(), metadata=headers()))

    status = rpc_status.from_call(error)
    bad_request = error_details_pb2.BadRequest()
    status.details[0].Unpack(bad_request)
    assert [(v.field, v.description, v.reason) for v in bad_request.field_violations] == [
        ("session", "value is required", "required")
    ]


async def test_a_cross_field_rule_of_the_contract_is_enforced_with_its_id(brain):
    request = ml_pb2.RunInferenceRequest(
        model_type=ml_pb2.MODEL_TYPE_DIFFICULTY_PREDICTION, emotion=ml_pb2.DetectEmotionRequest()
    )

    error = await refusal(brain.stub.RunInference(request, metadata=headers()))

    assert error.details() == "input must be the one that model_type takes [run_inference.input_matches_model_type]"
