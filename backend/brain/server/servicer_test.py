import grpc
import pytest
from google.rpc import error_details_pb2
from grpc_status import rpc_status

from aivo.brain.v1 import analytics_pb2, speech_pb2, status_pb2
from brain import __version__
from brain.errors import InvalidInputError
from brain.server import servicer
from brain.server.testing import focus_request, headers


async def test_analyze_focus_scores_a_session_with_its_components(brain):
    response = await brain.stub.AnalyzeFocus(focus_request(), metadata=headers())

    assert response.level != analytics_pb2.FOCUS_LEVEL_UNSPECIFIED
    assert response.components
    assert sum(c.points for c in response.components) == pytest.approx(response.score, abs=0.05)


async def test_predict_break_does_not_send_a_child_away_a_minute_into_a_steady_session(brain):
    response = await brain.stub.PredictBreak(
        analytics_pb2.PredictBreakRequest(session=focus_request().session), metadata=headers()
    )

    assert not response.break_now
    assert response.minutes_until_break > 0 and response.attention_span_minutes > 0


async def test_analyze_attention_finds_one_unbroken_span_in_a_session_without_lapses(brain):
    response = await brain.stub.AnalyzeAttention(
        analytics_pb2.AnalyzeAttentionRequest(session=focus_request().session), metadata=headers()
    )

    assert len(response.spans) == 1 and not response.lapses
    assert response.spans[0].answers == 20


async def test_a_recording_as_large_as_the_contract_allows_gets_through(brain):
    audio = speech_pb2.Audio(
        data=bytes(32 * 1024 * 1024), encoding=speech_pb2.AUDIO_ENCODING_PCM_S16LE, sample_rate_hz=16000
    )

    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await brain.stub.TranscribeSpeech(speech_pb2.TranscribeSpeechRequest(audio=audio), metadata=headers())

    # Past the message limit, the speech domain itself refuses the 17-minute clip as longer than it allows.
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.value.details().startswith("audio.data: is 1048.6 s long")


async def test_invalid_input_found_by_a_domain_is_invalid_argument_naming_the_field(brain, monkeypatch):
    def refuse(session):
        raise InvalidInputError("session.events", "need at least one answer")

    monkeypatch.setattr(servicer, "score_focus", refuse)

    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await brain.stub.AnalyzeFocus(focus_request(), metadata=headers())

    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert refused.value.details() == "session.events: need at least one answer"
    detail = error_details_pb2.BadRequest()
    rpc_status.from_call(refused.value).details[0].Unpack(detail)
    assert detail.field_violations[0].field == "session.events"


async def test_an_unexpected_error_is_internal_without_its_text_and_the_brain_keeps_serving(brain, monkeypatch):
    def crash(session):
        raise RuntimeError("connection string postgres://secret@db")

    monkeypatch.setattr(servicer, "score_focus", crash)

    with pytest.raises(grpc.aio.AioRpcError) as refused:
        await brain.stub.AnalyzeFocus(focus_request(), metadata=headers())
    status = await brain.stub.GetServiceStatus(status_pb2.GetServiceStatusRequest(), metadata=headers())

    assert refused.value.code() == grpc.StatusCode.INTERNAL
    assert refused.value.details() == "internal error"
    assert status.version == __version__
