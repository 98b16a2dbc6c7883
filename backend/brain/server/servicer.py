"""BrainService: each RPC converts its request, calls its domain and converts the answer back.

Validation, authentication, rate limits and error statuses happen in the interceptors around it.
"""

from aivo.brain.v1 import analytics_pb2, status_pb2
from brain.analytics import analyze_attention, recommend_break, score_focus
from brain.convert.analytics import attention_to_proto, break_to_proto, focus_score_to_proto, session_from_proto
from brain.convert.status import status_to_proto
from brain.server.unbuilt import answer_unimplemented
from brain.status import service_status
from brain.storage import Storage


@answer_unimplemented
class BrainServicer:
    def __init__(self, storage: Storage, started_at: float) -> None:
        self._storage = storage
        self._started_at = started_at

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

    async def GetServiceStatus(
        self, request: status_pb2.GetServiceStatusRequest, context
    ) -> status_pb2.GetServiceStatusResponse:
        return status_to_proto(await service_status(self._storage, self._started_at))
