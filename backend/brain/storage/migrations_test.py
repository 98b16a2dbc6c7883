import asyncio

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from brain.storage.database import create_engine
from brain.storage.migrations import MIGRATIONS, Migration, migrate
from brain.testing import make_config

NEXT = len(MIGRATIONS) + 1
NOTES = Migration(NEXT, "create notes", ("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)",))


@pytest.fixture
async def engine(tmp_path, database_url):
    engine = create_engine(make_config(tmp_path, database_url=database_url))
    yield engine
    await engine.dispose()


async def ledger(engine) -> list[tuple[int, str]]:
    async with engine.connect() as connection:
        return [
            tuple(row)
            for row in await connection.execute(text("SELECT version, name FROM schema_migrations ORDER BY version"))
        ]


async def test_a_fresh_database_gets_every_migration_in_order(engine):
    applied = await migrate(engine, (*MIGRATIONS, NOTES))

    assert applied == list(range(1, NEXT + 1))
    assert await ledger(engine) == [(m.version, m.name) for m in (*MIGRATIONS, NOTES)]


async def test_running_the_migrations_again_changes_nothing(engine):
    await migrate(engine, (*MIGRATIONS, NOTES))

    again = await migrate(engine, (*MIGRATIONS, NOTES))

    assert again == []
    assert await ledger(engine) == [(m.version, m.name) for m in (*MIGRATIONS, NOTES)]


async def test_a_later_migration_is_applied_on_top_of_earlier_ones(engine):
    await migrate(engine)

    applied = await migrate(engine, (*MIGRATIONS, NOTES))

    assert applied == [NEXT]


async def test_two_processes_migrating_at_once_apply_each_migration_once(tmp_path, database_url):
    config = make_config(tmp_path, database_url=database_url)
    first, second = create_engine(config), create_engine(config)
    try:
        results = await asyncio.gather(migrate(first, (*MIGRATIONS, NOTES)), migrate(second, (*MIGRATIONS, NOTES)))
    finally:
        await asyncio.gather(first.dispose(), second.dispose())

    assert sorted(results) == [[], list(range(1, NEXT + 1))]


async def test_a_failing_migration_leaves_nothing_behind(engine):
    broken = Migration(NEXT, "half done", ("CREATE TABLE half (id INTEGER)", "THIS IS NOT SQL"))

    with pytest.raises(DBAPIError):
        await migrate(engine, (*MIGRATIONS, broken))

    async with engine.connect() as connection:
        tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    assert "half" not in tables and "schema_migrations" not in tables


async def test_migrations_out_of_order_are_refused_before_touching_the_database(engine):
    with pytest.raises(ValueError, match="1, 2, 3"):
        await migrate(engine, (NOTES, *MIGRATIONS))
