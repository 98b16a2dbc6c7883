"""The brain's gRPC server: BrainService behind its interceptors, plus health and reflection."""

import time
from dataclasses import dataclass

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1.health import aio as health_aio
from limits.aio.strategies import SlidingWindowCounterRateLimiter

from aivo.brain.v1 import brain_service_pb2_grpc
from brain.config import Config
from brain.server.auth import ServiceAuthInterceptor
from brain.server.contract import BRAIN_SERVICE
from brain.server.errors import ErrorInterceptor
from brain.server.rate_limit import MlRateLimitInterceptor
from brain.server.reflection import enable_reflection
from brain.server.request_context import RequestContextInterceptor
from brain.server.service_tokens import ServiceTokens
from brain.server.servicer import BrainServicer
from brain.server.validation import ValidationInterceptor
from brain.speech import SpeechService, speech_service
from brain.storage import Storage

# The contract allows 32 MiB of audio in one message; the rest of the message needs a little more.
MAX_MESSAGE_BYTES = 33 * 1024 * 1024
# How long in-flight calls may take to finish after SIGTERM (Docker waits 10 s before SIGKILL).
SHUTDOWN_GRACE_S = 8.0


@dataclass(frozen=True, slots=True)
class RunningServer:
    server: grpc.aio.Server
    health: health_aio.HealthServicer
    port: int
    speech: SpeechService

    async def stop(self, grace_s: float = SHUTDOWN_GRACE_S) -> None:
        """Reports NOT_SERVING, refuses new calls, lets in-flight calls finish for up to grace_s, then stops the
        speech analysis processes."""
        await self.health.enter_graceful_shutdown()
        await self.server.stop(grace_s)
        await self.speech.close()


async def start_server(config: Config, storage: Storage, port: int, *, reuse_port: bool = False) -> RunningServer:
    """Builds and starts the server on [::]:port (0 picks a free port); reuse_port lets worker processes share it."""
    server = grpc.aio.server(
        # Outermost first: the request context and its log line see every outcome, errors become statuses
        # before that, and only authenticated callers use the rate limit and the validator.
        interceptors=[
            RequestContextInterceptor(),
            ErrorInterceptor(),
            ServiceAuthInterceptor(ServiceTokens(config.service_token_secret)),
            MlRateLimitInterceptor(
                SlidingWindowCounterRateLimiter(storage.keyvalue.rate_limit_storage()), config.ml_rate_limit_per_minute
            ),
            ValidationInterceptor(),
        ],
        options=[
            ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
            ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
            ("grpc.so_reuseport", int(reuse_port)),
        ],
    )
    speech = speech_service(config)
    servicer = BrainServicer(storage, time.monotonic(), speech)
    brain_service_pb2_grpc.add_BrainServiceServicer_to_server(servicer, server)
    health = health_aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health, server)
    enable_reflection(server, (BRAIN_SERVICE.full_name, health_pb2.DESCRIPTOR.services_by_name["Health"].full_name))
    bound_port = server.add_insecure_port(f"[::]:{port}")
    await server.start()
    for service in ("", BRAIN_SERVICE.full_name):
        await health.set(service, health_pb2.HealthCheckResponse.SERVING)
    return RunningServer(server=server, health=health, port=bound_port, speech=speech)
