"""A real brain server on a free port in the test's event loop, with a client stub."""

from collections.abc import AsyncIterator
from dataclasses import dataclass

import grpc
import pytest

from aivo.brain.v1 import brain_service_pb2_grpc
from brain.config import Config
from brain.server.app import start_server
from brain.storage import open_storage
from brain.storage.migrations import migrate


@dataclass
class Brain:
    port: int
    channel: grpc.aio.Channel
    stub: brain_service_pb2_grpc.BrainServiceStub


@pytest.fixture
async def brain(config: Config) -> AsyncIterator[Brain]:
    async with open_storage(config) as storage:
        await migrate(storage.engine)
        running = await start_server(config, storage, 0)
        async with grpc.aio.insecure_channel(f"localhost:{running.port}") as channel:
            yield Brain(running.port, channel, brain_service_pb2_grpc.BrainServiceStub(channel))
        await running.stop(0)
