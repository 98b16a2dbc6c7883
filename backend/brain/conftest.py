"""Fixtures shared by the brain's tests: configurations and, when CI provides them, real PostgreSQL and Redis.

TEST_DATABASE_URL and TEST_REDIS_URL point at servers the tests may use; each PostgreSQL test gets a database
of its own, created and dropped around it. Without them, those variants are skipped.
"""

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from brain.config import Config
from brain.testing import make_config

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "")
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "")


@pytest.fixture
def config(tmp_path: Path) -> Config:
    return make_config(tmp_path)


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest) -> AsyncIterator[str | None]:
    """None (embedded SQLite) or the URL of a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield None
        return
    if not TEST_DATABASE_URL:
        pytest.skip("TEST_DATABASE_URL is not set, so the PostgreSQL variant does not run")
    server = make_url(TEST_DATABASE_URL)
    name = f"brain_test_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(server.set(drivername="postgresql").render_as_string(hide_password=False))
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield server.set(drivername="postgresql+asyncpg", database=name).render_as_string(hide_password=False)
        await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@pytest.fixture(params=["in-process", "redis"])
def redis_url(request: pytest.FixtureRequest) -> str | None:
    """None (in-process) or TEST_REDIS_URL."""
    if request.param == "in-process":
        return None
    if not TEST_REDIS_URL:
        pytest.skip("TEST_REDIS_URL is not set, so the Redis variant does not run")
    return TEST_REDIS_URL
