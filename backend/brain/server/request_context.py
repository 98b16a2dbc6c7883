"""Request IDs, the caller's identity, and one log line per call."""

import asyncio
import logging
import re
import time
import uuid

import grpc
import structlog
from google.protobuf.message import Message

from brain.server.abort import abort
from brain.server.call_context import CallContext, current_call
from brain.server.interceptor import Behavior, BrainInterceptor

log = structlog.get_logger(__name__)

_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{8,128}")
_SERVER_FAULTS = {grpc.StatusCode.INTERNAL, grpc.StatusCode.UNKNOWN, grpc.StatusCode.DATA_LOSS}


class RequestContextInterceptor(BrainInterceptor):
    """Checks x-request-id (made when absent, refused when malformed) and sends it back in the initial metadata,
    puts x-tenant-id and x-learner-id in the call's context, and logs each call once when it ends."""

    async def intercept(
        self, method: str, request: Message, context: grpc.aio.ServicerContext, behavior: Behavior
    ) -> Message:
        started = time.perf_counter()
        metadata = dict(context.invocation_metadata() or ())
        given_id = metadata.get("x-request-id")
        well_formed = given_id is None or _REQUEST_ID.fullmatch(given_id) is not None
        call = CallContext(
            request_id=given_id if given_id and well_formed else str(uuid.uuid4()),
            tenant_id=metadata.get("x-tenant-id", ""),
            learner_id=metadata.get("x-learner-id", ""),
        )
        current_call.set(call)
        structlog.contextvars.bind_contextvars(
            request_id=call.request_id, tenant_id=call.tenant_id, learner_id=call.learner_id
        )
        await context.send_initial_metadata((("x-request-id", call.request_id),))
        code, error = grpc.StatusCode.OK, None
        try:
            if not well_formed:
                await abort(
                    context,
                    grpc.StatusCode.INVALID_ARGUMENT,
                    "x-request-id: must be 8-128 characters of [A-Za-z0-9._:-]",
                )
            return await behavior(request, context)
        except grpc.aio.AbortError:
            code, error = context.code(), context.details()
            raise
        except asyncio.CancelledError:
            code, error = grpc.StatusCode.CANCELLED, "the call was cancelled or its deadline passed"
            raise
        finally:
            log.log(
                _level_of(code),
                "call",
                method=method,
                status=code.name,
                duration_ms=round((time.perf_counter() - started) * 1000, 3),
                error=error,
            )


def _level_of(code: grpc.StatusCode) -> int:
    if code == grpc.StatusCode.OK:
        return logging.INFO
    return logging.ERROR if code in _SERVER_FAULTS else logging.WARNING
