"""Service-to-service authentication: every BrainService call needs a valid service token.

Health and reflection are deliberately left open (they are not BrainService): probes and grpcurl use them
without credentials, and they reveal nothing the contract does not already publish.
"""

import grpc
import jwt
import structlog
from google.protobuf.message import Message

from brain.server.abort import abort
from brain.server.call_context import calling_service
from brain.server.interceptor import Behavior, BrainInterceptor
from brain.server.service_tokens import AUDIENCE, ServiceTokens


class ServiceAuthInterceptor(BrainInterceptor):
    """Refuses calls without a valid `authorization: Bearer <service token>` (UNAUTHENTICATED) or with a token
    for another service (PERMISSION_DENIED), and puts the calling service in the call's context."""

    def __init__(self, tokens: ServiceTokens) -> None:
        self._tokens = tokens

    async def intercept(
        self, method: str, request: Message, context: grpc.aio.ServicerContext, behavior: Behavior
    ) -> Message:
        header = dict(context.invocation_metadata() or ()).get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            await abort(
                context,
                grpc.StatusCode.UNAUTHENTICATED,
                "missing service token: send authorization: Bearer <service token>",
            )
        try:
            issuer = self._tokens.issuer_of(token.strip())
        except jwt.InvalidAudienceError:
            await abort(
                context,
                grpc.StatusCode.PERMISSION_DENIED,
                f"service token is not for the brain (aud must be {AUDIENCE!r})",
            )
        except jwt.InvalidTokenError as error:
            await abort(context, grpc.StatusCode.UNAUTHENTICATED, f"invalid service token: {error}")
        calling_service.set(issuer)
        structlog.contextvars.bind_contextvars(caller=issuer)
        return await behavior(request, context)
