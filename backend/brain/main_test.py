"""`python -m brain` as a real process: configuration errors, worker processes, graceful shutdown."""

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from aivo.brain.v1 import brain_service_pb2_grpc, status_pb2
from brain.server.testing import focus_request, headers
from brain.testing import SECRET

BACKEND = Path(__file__).resolve().parents[1]
GENERATED = BACKEND.parent / "gen" / "python"
SERVING, NOT_SERVING = health_pb2.HealthCheckResponse.SERVING, health_pb2.HealthCheckResponse.NOT_SERVING


def brain_environment(tmp_path: Path, **variables: str) -> dict[str, str]:
    """Only what the brain reads, so variables from the shell running the tests cannot leak in."""
    return {
        "PATH": os.environ["PATH"],
        "PYTHONPATH": f"{BACKEND}:{GENERATED}",
        "SERVICE_TOKEN_SECRET": SECRET,
        "BRAIN_PORT": "0",
        "BRAIN_WORKERS": "1",
        "DATA_DIR": str(tmp_path / "data"),
        **variables,
    }


@dataclass
class BrainProcess:
    process: asyncio.subprocess.Process
    port: int
    logs: list[dict] = field(default_factory=list)

    def lines(self, msg: str) -> list[dict]:
        return [line for line in self.logs if line["msg"] == msg]


@asynccontextmanager
async def brain_process(environment: dict[str, str]) -> AsyncIterator[BrainProcess]:
    """Starts `python -m brain`, collects its JSON log lines and waits for the "listening" line."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "brain", cwd=BACKEND, env=environment, stdout=asyncio.subprocess.PIPE
    )
    logs: list[dict] = []
    listening: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    async def collect() -> None:
        async for raw in process.stdout:
            line = json.loads(raw)
            logs.append(line)
            if line["msg"] == "listening":
                listening.set_result(line["port"])

    collecting = asyncio.ensure_future(collect())
    try:
        port = await asyncio.wait_for(asyncio.shield(listening), 30)
        yield BrainProcess(process, port, logs)
    finally:
        if process.returncode is None:
            process.kill()
        await process.wait()
        await collecting


async def test_a_bad_variable_stops_the_brain_with_exit_code_2_and_one_line_naming_it(tmp_path):
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "brain",
        cwd=BACKEND,
        env=brain_environment(tmp_path, BRAIN_PORT="http"),
        stdout=asyncio.subprocess.PIPE,
    )

    stdout, _ = await process.communicate()

    assert process.returncode == 2
    [line] = [json.loads(raw) for raw in stdout.splitlines()]
    assert (line["level"], line["msg"], line["variable"]) == ("error", "invalid configuration", "BRAIN_PORT")
    assert line["error"] == "BRAIN_PORT: must be an integer from 0 to 65535, got 'http'"


async def test_an_unreachable_database_stops_the_brain_before_it_listens(tmp_path):
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    database_url = f"postgresql://brain@127.0.0.1:{closed.getsockname()[1]}/brain"
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "brain",
        cwd=BACKEND,
        env=brain_environment(tmp_path, DATABASE_URL=database_url),
        stdout=asyncio.subprocess.PIPE,
    )

    stdout, _ = await process.communicate()
    closed.close()

    assert process.returncode == 1
    [line] = [json.loads(raw) for raw in stdout.splitlines()]
    assert (line["level"], line["msg"]) == (
        "error",
        "migrations failed; is DATABASE_URL right and the database reachable?",
    )
    assert "listening" not in stdout.decode()


async def test_sigterm_lets_an_in_flight_call_finish_and_reports_not_serving_first(tmp_path):
    # A Redis that accepts connections and never answers keeps GetServiceStatus in flight until the client times out.
    redis_reached = asyncio.Event()

    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        redis_reached.set()
        await reader.read()
        writer.close()

    silent_redis = await asyncio.start_server(never_answer, "127.0.0.1", 0)
    redis_url = f"redis://127.0.0.1:{silent_redis.sockets[0].getsockname()[1]}"
    async with silent_redis, brain_process(brain_environment(tmp_path, REDIS_URL=redis_url)) as brain:
        async with grpc.aio.insecure_channel(f"localhost:{brain.port}") as channel:
            watch = health_pb2_grpc.HealthStub(channel).Watch(
                health_pb2.HealthCheckRequest(service="aivo.brain.v1.BrainService")
            )
            before = (await watch.read()).status
            in_flight = asyncio.ensure_future(
                brain_service_pb2_grpc.BrainServiceStub(channel).GetServiceStatus(
                    status_pb2.GetServiceStatusRequest(), metadata=headers()
                )
            )
            await asyncio.wait_for(redis_reached.wait(), 10)

            brain.process.send_signal(signal.SIGTERM)
            during = (await watch.read()).status
            watch.cancel()
            finished = await in_flight
            exit_code = await asyncio.wait_for(brain.process.wait(), 15)

    assert (before, during) == (SERVING, NOT_SERVING)
    redis = next(d for d in finished.dependencies if d.name == "redis")
    assert not redis.healthy and "Timeout" in redis.error
    assert exit_code == 0
    assert [line["msg"] for line in brain.logs][-3:] == ["stopping", "call", "stopped"]


async def test_two_workers_share_the_port_and_both_serve_after_the_parent_migrated_once(tmp_path):
    connections = 24

    async with brain_process(brain_environment(tmp_path, BRAIN_WORKERS="2")) as brain:
        for _ in range(connections):
            # A subchannel pool of its own forces a new connection, which the kernel may give to either worker.
            options = [("grpc.use_local_subchannel_pool", 1)]
            async with grpc.aio.insecure_channel(f"localhost:{brain.port}", options=options) as channel:
                await brain_service_pb2_grpc.BrainServiceStub(channel).AnalyzeFocus(focus_request(), metadata=headers())
        brain.process.send_signal(signal.SIGTERM)
        exit_code = await asyncio.wait_for(brain.process.wait(), 15)

    serving_pids = {line["pid"] for line in brain.lines("call")}
    assert len(brain.lines("call")) == connections
    assert len(serving_pids) == 2 and brain.process.pid not in serving_pids
    assert [line["workers"] for line in brain.lines("listening")] == [2]
    assert {line["pid"] for line in brain.lines("migration applied")} == {brain.process.pid}
    assert exit_code == 0
