"""Several serving processes on one port, as in grpc's multiprocessing example: the parent reserves the port
with an SO_REUSEPORT socket, then forks the workers before any gRPC object exists (gRPC does not survive a
fork), and each worker binds its own server to the same port. The kernel spreads connections across them."""

import asyncio
import contextlib
import multiprocessing
import os
import signal
import socket
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection

import structlog

from brain.config import Config
from brain.server.serve import serve

log = structlog.get_logger(__name__)


@contextlib.contextmanager
def reserve_port(port: int) -> Iterator[int]:
    """Holds [::]:port (0 picks one) with SO_REUSEPORT without listening, so the workers can bind it too."""
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.bind(("::", port))
        yield sock.getsockname()[1]


def run_workers(config: Config, on_ready: Callable[[int], None]) -> int:
    """Runs config.workers serving processes until they stop; stop signals are passed on to them.
    Returns 0 when every worker stopped cleanly."""
    fork = multiprocessing.get_context("fork")
    with reserve_port(config.port) as port:
        workers: list[tuple[multiprocessing.Process, Connection]] = []
        for index in range(config.workers):
            ready_receiver, ready_sender = fork.Pipe(duplex=False)
            process = fork.Process(target=_work, args=(config, port, ready_sender), name=f"brain-worker-{index}")
            process.start()
            ready_sender.close()
            workers.append((process, ready_receiver))
        processes = [process for process, _ in workers]
        for stop_signal in (signal.SIGTERM, signal.SIGINT):
            signal.signal(stop_signal, lambda signum, _frame: _signal_all(processes, signum))
        if all(_became_ready(receiver) for _, receiver in workers):
            on_ready(port)
        else:
            log.error("a worker stopped before it was ready; stopping the others")
            _signal_all(processes, signal.SIGTERM)
        for process in processes:
            process.join()
    return 0 if all(process.exitcode == 0 for process in processes) else 1


def _work(config: Config, port: int, ready_sender: Connection) -> None:
    try:
        asyncio.run(serve(config, port, reuse_port=True, on_ready=ready_sender.send))
    except Exception:
        log.exception("worker failed")
        raise


def _became_ready(receiver: Connection) -> bool:
    """Waits for a worker's port; the pipe closes without one when the worker dies first."""
    try:
        receiver.recv()
    except EOFError:
        return False
    return True


def _signal_all(processes: list[multiprocessing.Process], signum: int) -> None:
    for process in processes:
        with contextlib.suppress(ProcessLookupError):
            os.kill(process.pid, signum)
