"""Versioned schema migrations, applied in order at start-up; each is recorded in schema_migrations.

Safe when several processes start at once: the whole run is one transaction that first takes a lock
(an advisory lock on PostgreSQL, the write lock on SQLite), so the second process waits and then finds
everything applied. Both databases have transactional DDL, so a failed migration leaves nothing behind.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import structlog
from sqlalchemy import inspect, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from brain.storage.database import BEGIN_IMMEDIATE

log = structlog.get_logger(__name__)

# pg_advisory_xact_lock key for migrations: any constant the mesh's other services do not use ("brain" in ASCII).
_ADVISORY_LOCK_KEY = 0x627261696E


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema change: its version (its position, from 1), a name for the ledger, and its SQL statements."""

    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "create schema_migrations",
        (
            "CREATE TABLE schema_migrations ("
            " version INTEGER PRIMARY KEY,"
            " name TEXT NOT NULL,"
            " applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)",
        ),
    ),
)


async def migrate(engine: AsyncEngine, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Applies the migrations not applied yet, in order; returns the versions it applied."""
    _check_order(migrations)
    async with engine.connect() as connection:
        await connection.execution_options(**{BEGIN_IMMEDIATE: True})
        async with connection.begin():
            if connection.dialect.name == "postgresql":
                await connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK_KEY})
            applied = await _applied_versions(connection)
            pending = [m for m in migrations if m.version not in applied]
            for migration in pending:
                for statement in migration.statements:
                    await connection.execute(text(statement))
                await connection.execute(
                    text("INSERT INTO schema_migrations (version, name) VALUES (:version, :name)"),
                    {"version": migration.version, "name": migration.name},
                )
    for migration in pending:
        log.info("migration applied", migration=migration.version, name=migration.name)
    return [m.version for m in pending]


async def _applied_versions(connection: AsyncConnection) -> set[int]:
    if not await connection.run_sync(lambda sync: inspect(sync).has_table("schema_migrations")):
        return set()
    return set((await connection.execute(text("SELECT version FROM schema_migrations"))).scalars())


def _check_order(migrations: Sequence[Migration]) -> None:
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migration versions must be 1, 2, 3, ... in order, got {versions}")
