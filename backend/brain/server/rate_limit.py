"""The brain's own rate limit for its ML endpoints, per calling service and tenant.

Counts live in Redis when REDIS_URL is set, so all workers and replicas share them. Without Redis each worker
process counts alone: with BRAIN_WORKERS=N a caller can get up to N times the limit through one brain.
"""

import math
import time

import grpc
from google.protobuf.duration_pb2 import Duration
from google.protobuf.message import Message
from google.rpc import error_details_pb2
from limits import RateLimitItemPerMinute
from limits.aio.strategies import RateLimiter

from brain.server.abort import abort
from brain.server.call_context import calling_service, current_call
from brain.server.contract import ML_METHODS
from brain.server.interceptor import Behavior, BrainInterceptor


class MlRateLimitInterceptor(BrainInterceptor):
    """Answers RESOURCE_EXHAUSTED, with the time to wait, once a (calling service, tenant) pair has made more than
    per_minute ML calls in the last minute."""

    def __init__(self, limiter: RateLimiter, per_minute: int) -> None:
        self._limiter = limiter
        self._limit = RateLimitItemPerMinute(per_minute)

    def applies_to(self, method: str) -> bool:
        return method in ML_METHODS

    async def intercept(
        self, method: str, request: Message, context: grpc.aio.ServicerContext, behavior: Behavior
    ) -> Message:
        service, tenant = calling_service.get(), current_call.get().tenant_id
        if not await self._limiter.hit(self._limit, "ml", service, tenant):
            window = await self._limiter.get_window_stats(self._limit, "ml", service, tenant)
            retry_s = max(1, math.ceil(window.reset_time - time.time()))
            await abort(
                context,
                grpc.StatusCode.RESOURCE_EXHAUSTED,
                f"ML rate limit of {self._limit.amount} calls per minute reached for service {service!r} "
                f"and tenant {tenant!r}; retry in {retry_s} s",
                error_details_pb2.RetryInfo(retry_delay=Duration(seconds=retry_s)),
            )
        return await behavior(request, context)
