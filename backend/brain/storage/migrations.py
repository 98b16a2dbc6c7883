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
    Migration(
        2,
        "create learner models",
        (
            # Per learner and skill: the Elo rating in logits (brain.ml.elo) and the BKT mastery (brain.ml.bkt).
            "CREATE TABLE ml_learner_skills ("
            " tenant_id TEXT NOT NULL,"
            " learner_id TEXT NOT NULL,"
            " skill TEXT NOT NULL,"
            " ability DOUBLE PRECISION NOT NULL,"
            " attempts INTEGER NOT NULL,"
            " information DOUBLE PRECISION NOT NULL,"
            " mastery DOUBLE PRECISION NOT NULL,"
            " PRIMARY KEY (tenant_id, learner_id, skill))",
            # Per learner and presentation modality: answers and correct answers (brain.ml.modality).
            "CREATE TABLE ml_modality_evidence ("
            " tenant_id TEXT NOT NULL,"
            " learner_id TEXT NOT NULL,"
            " modality TEXT NOT NULL,"
            " trials INTEGER NOT NULL,"
            " successes INTEGER NOT NULL,"
            " PRIMARY KEY (tenant_id, learner_id, modality))",
            "CREATE TABLE ml_items ("
            " tenant_id TEXT NOT NULL,"
            " skill TEXT NOT NULL,"
            " item_id TEXT NOT NULL,"
            " difficulty DOUBLE PRECISION NOT NULL,"
            " attempts INTEGER NOT NULL,"
            " information DOUBLE PRECISION NOT NULL,"
            " PRIMARY KEY (tenant_id, skill, item_id))",
            # Every recorded answer, once per event_id, with the success probability predicted before it.
            "CREATE TABLE ml_outcomes ("
            " tenant_id TEXT NOT NULL,"
            " event_id TEXT NOT NULL,"
            " learner_id TEXT NOT NULL,"
            " skill TEXT NOT NULL,"
            " item_id TEXT NOT NULL,"
            " level INTEGER NOT NULL,"
            " correct BOOLEAN NOT NULL,"
            " response_time_ms INTEGER NOT NULL,"
            " modality TEXT NOT NULL,"
            " predicted DOUBLE PRECISION NOT NULL,"
            # The learner's Elo ability and attempts on the skill right after this answer: their history.
            " ability DOUBLE PRECISION NOT NULL,"
            " attempts INTEGER NOT NULL,"
            " recorded_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
            " PRIMARY KEY (tenant_id, event_id))",
            "CREATE INDEX ml_outcomes_by_learner ON ml_outcomes (tenant_id, learner_id, recorded_at)",
            # Content recommended to a learner with the context it was ranked in, until the learner answers it.
            "CREATE TABLE ml_recommendations ("
            " tenant_id TEXT NOT NULL,"
            " learner_id TEXT NOT NULL,"
            " content_id TEXT NOT NULL,"
            " context TEXT NOT NULL,"
            " PRIMARY KEY (tenant_id, learner_id, content_id))",
            # Training examples of the session models (brain.ml.session_models), by the session they came from.
            "CREATE TABLE ml_session_examples ("
            " tenant_id TEXT NOT NULL,"
            " model TEXT NOT NULL,"
            " session_id TEXT NOT NULL,"
            " cut_ms INTEGER NOT NULL,"
            " learner_id TEXT NOT NULL,"
            " features TEXT NOT NULL,"
            " label BOOLEAN NOT NULL,"
            " recorded_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
            " PRIMARY KEY (tenant_id, model, session_id, cut_ms))",
            # Model parameters per tenant as JSON, versioned: online learning updates the newest version in
            # place; replacing them (with a federated aggregate, say) adds a version. source is "local" (fitted
            # here from recorded sessions) or "federated" (a round's aggregate, never refitted locally).
            "CREATE TABLE ml_model_versions ("
            " tenant_id TEXT NOT NULL,"
            " model TEXT NOT NULL,"
            " version INTEGER NOT NULL,"
            " parameters TEXT NOT NULL,"
            " source TEXT NOT NULL DEFAULT 'local',"
            " updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
            " PRIMARY KEY (tenant_id, model, version))",
        ),
    ),
    Migration(
        3,
        "create federated learning",
        (
            # One row per federated model (brain.federated): its tensors as JSON [[name, shape]], its settings,
            # and its current version and open round (the deadline in ms since the epoch).
            "CREATE TABLE federated_models ("
            " tenant_id TEXT NOT NULL,"
            " model_id TEXT NOT NULL,"
            " shared BOOLEAN NOT NULL,"
            " tensors TEXT NOT NULL,"
            " strategy TEXT NOT NULL,"
            " min_clients INTEGER NOT NULL,"
            " round_duration_s INTEGER NOT NULL,"
            " max_update_norm DOUBLE PRECISION NOT NULL,"
            " max_staleness INTEGER NOT NULL,"
            " staleness_exponent DOUBLE PRECISION NOT NULL,"
            " version BIGINT NOT NULL,"
            " round BIGINT NOT NULL,"
            " round_deadline_ms BIGINT NOT NULL,"
            " PRIMARY KEY (tenant_id, model_id))",
            "CREATE INDEX federated_models_shared ON federated_models (model_id, shared)",
            # Every global version's weights as packed little-endian float32; noise_multiplier is set for rounds
            # aggregated with differential privacy, for the privacy accountant.
            "CREATE TABLE federated_versions ("
            " tenant_id TEXT NOT NULL,"
            " model_id TEXT NOT NULL,"
            " version BIGINT NOT NULL,"
            " round BIGINT NOT NULL,"
            " weights BYTEA NOT NULL,"
            " client_count INTEGER NOT NULL,"
            " noise_multiplier DOUBLE PRECISION,"
            " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
            " PRIMARY KEY (tenant_id, model_id, version),"
            " FOREIGN KEY (tenant_id, model_id) REFERENCES federated_models (tenant_id, model_id))",
            # Clients' updates, once per update_id and one per client and round; the delta is dropped once its
            # round is aggregated, the row kept so that a late retry still counts once.
            "CREATE TABLE federated_updates ("
            " tenant_id TEXT NOT NULL,"
            " model_id TEXT NOT NULL,"
            " submitter_tenant_id TEXT NOT NULL,"
            " update_id TEXT NOT NULL,"
            " client_id TEXT NOT NULL,"
            " round BIGINT NOT NULL,"
            " base_version BIGINT NOT NULL,"
            " sample_count BIGINT NOT NULL,"
            " weight DOUBLE PRECISION NOT NULL,"
            " delta BYTEA,"
            " created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
            " PRIMARY KEY (tenant_id, model_id, submitter_tenant_id, update_id),"
            " UNIQUE (tenant_id, model_id, round, submitter_tenant_id, client_id),"
            " FOREIGN KEY (tenant_id, model_id) REFERENCES federated_models (tenant_id, model_id))",
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
