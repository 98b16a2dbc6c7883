"""A migrated database per test (SQLite, and PostgreSQL when CI provides one) and a federation over it."""

import pytest

from brain.federated.service import Federation
from brain.storage.database import create_engine
from brain.storage.migrations import migrate
from brain.testing import make_config


class Clock:
    """Milliseconds since the epoch that a test moves by hand."""

    def __init__(self) -> None:
        self.ms = 1_800_000_000_000

    def __call__(self) -> int:
        return self.ms


@pytest.fixture
async def engine(tmp_path, database_url):
    engine = create_engine(make_config(tmp_path, database_url=database_url))
    await migrate(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def federation(engine, clock) -> Federation:
    return Federation(engine, now_ms=clock)
