"""An update interrupted by a crash of the brain is absent afterwards; an acknowledged one survives a restart."""

import asyncio
import os
import signal
import subprocess
import sys

from brain.federated.service import Federation
from brain.federated.testing import settings, submission, tensor
from brain.storage.database import create_engine
from brain.testing import make_config

# Runs in a child process: stores an update and is killed with SIGKILL after the row is written, before commit.
CRASHING_SUBMIT = """
import asyncio, os, signal, sys
from pathlib import Path
from brain.federated import store
from brain.federated.service import Federation
from brain.federated.testing import submission
from brain.storage.database import create_engine
from brain.testing import make_config

insert = store.insert_update

async def insert_then_die(*args, **kwargs):
    await insert(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)

store.insert_update = insert_then_die
engine = create_engine(make_config(Path(sys.argv[1]), database_url=sys.argv[2] or None))
asyncio.run(Federation(engine).submit("t-1", submission([1.0, 2.0], update_id="u-1")))
"""


async def update_count(tmp_path, database_url) -> int:
    """Counts the round's updates from a freshly started engine, as a restarted brain would."""
    engine = create_engine(make_config(tmp_path, database_url=database_url))
    try:
        return (await Federation(engine).round_status("t-1", "m")).update_count
    finally:
        await engine.dispose()


async def test_an_update_cut_off_by_a_crash_is_absent_and_its_retry_counts_once(tmp_path, database_url, federation):
    await federation.register("t-1", "m", [tensor([0.0, 0.0])], settings())

    crashed = await asyncio.to_thread(
        subprocess.run,
        [sys.executable, "-c", CRASHING_SUBMIT, str(tmp_path), database_url or ""],
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        capture_output=True,
    )
    after_crash = await update_count(tmp_path, database_url)
    await federation.submit("t-1", submission([1.0, 2.0], update_id="u-1"))
    await federation.submit("t-1", submission([1.0, 2.0], update_id="u-1"))
    after_retry = await update_count(tmp_path, database_url)

    assert crashed.returncode == -signal.SIGKILL
    assert after_crash == 0
    assert after_retry == 1
