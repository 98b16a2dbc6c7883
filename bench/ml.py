"""Learner models: latency of each ML inference through a real brain with warm state, and how it grows with
the learner's history and the catalog size.

Run: PYTHONPATH=backend:gen/python .venv/bin/python bench/ml.py [repeats]

One brain on a free port with embedded SQLite in a temporary folder, called over gRPC with a service token.
Each row is p50 and p99 of `repeats` sequential calls after a warm-up; the history rows record that many
outcomes for one learner first, the catalog rows rank catalogs of that many items.
"""

import asyncio
import sys
import tempfile
import time
from pathlib import Path

import grpc
import numpy as np

from aivo.brain.v1 import analytics_pb2, brain_service_pb2_grpc, ml_pb2
from brain.logs import configure_logging
from brain.ml.simulation import simulated_session
from brain.server.app import start_server
from brain.server.testing import headers
from brain.storage import open_storage
from brain.storage.migrations import migrate
from brain.testing import make_config

METADATA = headers(x_tenant_id="bench", x_learner_id="ada")


def catalog(size: int) -> list[ml_pb2.ContentItem]:
    return [
        ml_pb2.ContentItem(content_id=f"item-{i}", skill="math", level=1 + i % 100, modality="visual")
        for i in range(size)
    ]


def focus_session() -> analytics_pb2.FocusSession:
    session = simulated_session(np.random.default_rng(1), 10, None)
    events = [
        analytics_pb2.FocusEvent(
            offset_ms=e.offset_ms,
            answer=analytics_pb2.AnswerEvent(correct=e.correct, response_time_ms=e.response_time_ms),
        )
        for e in session.events
    ]
    return analytics_pb2.FocusSession(
        session_id="bench",
        child_age_months=96,
        elapsed_ms=session.elapsed_ms,
        events=events,
    )


async def latency(call, request, repeats: int) -> tuple[float, float]:
    for _ in range(3):
        await call(request, metadata=METADATA)
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        await call(request, metadata=METADATA)
        times.append((time.perf_counter() - started) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 99))


async def record_history(stub, count: int, start: int) -> None:
    for i in range(start, count):
        await stub.RecordOutcome(
            ml_pb2.RecordOutcomeRequest(
                event_id=f"e-{i}",
                skill="math",
                item_id=f"item-{i % 100}",
                level=1 + i % 100,
                correct=i % 3 > 0,
            ),
            metadata=METADATA,
        )


async def main(repeats: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        # The benchmark calls far faster than the ML rate limit allows a tenant.
        config = make_config(Path(folder), ml_rate_limit_per_minute=10**9)
        async with open_storage(config) as storage:
            await migrate(storage.engine)
            running = await start_server(config, storage, 0)
            async with grpc.aio.insecure_channel(f"localhost:{running.port}") as channel:
                await run(brain_service_pb2_grpc.BrainServiceStub(channel), repeats)
            await running.stop(0)


async def run(stub, repeats: int) -> None:
    session = focus_session()
    await record_history(stub, 100, 0)
    await stub.RecordSession(ml_pb2.RecordSessionRequest(session=session), metadata=METADATA)
    graph = [ml_pb2.SkillNode(skill_id=f"s-{i}", prerequisite_ids=[f"s-{i - 1}"] if i else []) for i in range(50)]
    rows = {
        "PredictDifficulty": (
            stub.PredictDifficulty,
            ml_pb2.PredictDifficultyRequest(subject="math", current_level=5),
        ),
        "PredictEngagement": (
            stub.PredictEngagement,
            ml_pb2.PredictEngagementRequest(session=session),
        ),
        "PredictFocus": (
            stub.PredictFocus,
            ml_pb2.PredictFocusRequest(session=session),
        ),
        "RecommendContent (100 items)": (
            stub.RecommendContent,
            ml_pb2.RecommendContentRequest(catalog=catalog(100)),
        ),
        "DetectLearningStyle": (
            stub.DetectLearningStyle,
            ml_pb2.DetectLearningStyleRequest(),
        ),
        "DetectEmotion": (
            stub.DetectEmotion,
            ml_pb2.DetectEmotionRequest(text="I hate this, it is too hard!!"),
        ),
        "PersonalizeLearningPath (50 skills)": (
            stub.PersonalizeLearningPath,
            ml_pb2.PersonalizeLearningPathRequest(skills=graph),
        ),
    }
    print(f"{'inference, warm state':<44}{'p50 ms':>9}{'p99 ms':>9}")
    for name, (call, request) in rows.items():
        p50, p99 = await latency(call, request, repeats)
        print(f"{name:<44}{p50:>9.2f}{p99:>9.2f}")
    recorded = 100
    for history in (100, 1_000, 5_000):
        await record_history(stub, history, recorded)
        recorded = history
        p50, p99 = await latency(*rows["PredictDifficulty"], repeats)
        print(f"{f'PredictDifficulty after {history} outcomes':<44}{p50:>9.2f}{p99:>9.2f}")
    for size in (10, 100, 1_000):
        request = ml_pb2.RecommendContentRequest(catalog=catalog(size))
        p50, p99 = await latency(stub.RecommendContent, request, repeats)
        print(f"{f'RecommendContent over {size} items':<44}{p50:>9.2f}{p99:>9.2f}")


if __name__ == "__main__":
    configure_logging("error")  # the table alone, without a log line per call
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 50))
