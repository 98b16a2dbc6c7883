"""One serving process: open storage, start the server, and on SIGTERM or SIGINT drain and stop."""

import asyncio
import signal
from collections.abc import Callable

import structlog

from brain.config import Config
from brain.server.app import SHUTDOWN_GRACE_S, start_server
from brain.storage import open_storage

log = structlog.get_logger(__name__)


async def serve(config: Config, port: int, *, reuse_port: bool, on_ready: Callable[[int], None]) -> None:
    """Serves until a stop signal; on_ready gets the bound port once the server accepts calls."""
    stopping = asyncio.Event()
    loop = asyncio.get_running_loop()
    for stop_signal in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(stop_signal, stopping.set)
    async with open_storage(config) as storage:
        running = await start_server(config, storage, port, reuse_port=reuse_port)
        on_ready(running.port)
        await stopping.wait()
        log.info("stopping", grace_s=SHUTDOWN_GRACE_S)
        await running.stop()
    log.info("stopped")
