"""The shape every BrainService interceptor shares: code around each unary call's behaviour."""

import abc
from collections.abc import Awaitable, Callable

import grpc
from google.protobuf.message import Message

from brain.server.contract import BRAIN_METHOD_PREFIX

Behavior = Callable[[Message, grpc.aio.ServicerContext], Awaitable[Message]]


class BrainInterceptor(grpc.aio.ServerInterceptor, abc.ABC):
    """Wraps the BrainService methods it applies to. Health and reflection pass through untouched, so probes
    and grpcurl work without credentials and are neither logged nor rate limited."""

    def applies_to(self, method: str) -> bool:
        return method.startswith(BRAIN_METHOD_PREFIX)

    @abc.abstractmethod
    async def intercept(
        self, method: str, request: Message, context: grpc.aio.ServicerContext, behavior: Behavior
    ) -> Message:
        """Runs around one call; returns behavior's response or aborts the call."""

    async def intercept_service(self, continuation, handler_call_details):
        handler = await continuation(handler_call_details)
        method = handler_call_details.method
        if handler is None or not self.applies_to(method):
            return handler
        if handler.unary_unary is None:
            raise TypeError(f"{method}: BrainService interceptors handle unary methods only")
        behavior = handler.unary_unary

        async def intercepted(request: Message, context: grpc.aio.ServicerContext) -> Message:
            return await self.intercept(method, request, context, behavior)

        return grpc.unary_unary_rpc_method_handler(
            intercepted,
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )
