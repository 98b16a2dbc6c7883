"""Federated models, their versions and their clients' updates in the brain's SQL database (schema: migration 3).

Weights and deltas are stored as one packed little-endian float32 blob in the model's tensor order. Callers run
these inside one transaction that holds the model's row (load_model with lock=True), so rounds move atomically.
"""

import json
from collections.abc import Iterator

import numpy as np
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import AsyncConnection

from brain.federated.model import Model, ModelKey, Settings, TensorSpec
from brain.federated.strategies import Strategy, Update

# Updates fetched at a time when streaming a round.
_PAGE = 16


async def insert_model(connection: AsyncConnection, model: Model, weights: np.ndarray) -> None:
    s = model.settings
    await connection.execute(
        text(
            "INSERT INTO federated_models (tenant_id, model_id, shared, tensors, strategy, min_clients,"
            " round_duration_s, max_update_norm, max_staleness, staleness_exponent, version, round, round_deadline_ms)"
            " VALUES (:tenant_id, :model_id, :shared, :tensors, :strategy, :min_clients, :round_duration_s,"
            " :max_update_norm, :max_staleness, :staleness_exponent, :version, :round, :round_deadline_ms)"
        ),
        {
            **_key(model.key),
            "shared": s.shared,
            "tensors": json.dumps([[t.name, list(t.shape)] for t in model.tensors]),
            "strategy": s.strategy.value,
            "min_clients": s.min_clients,
            "round_duration_s": s.round_duration_s,
            "max_update_norm": s.max_update_norm,
            "max_staleness": s.max_staleness,
            "staleness_exponent": s.staleness_exponent,
            "version": model.version,
            "round": model.round,
            "round_deadline_ms": model.round_deadline_ms,
        },
    )
    await insert_version(connection, model.key, model.version, weights, round_=0, client_count=0, noise_multiplier=None)


async def model_exists(connection: AsyncConnection, key: ModelKey) -> bool:
    found = await connection.execute(
        text("SELECT 1 FROM federated_models WHERE tenant_id = :tenant_id AND model_id = :model_id"), _key(key)
    )
    return found.first() is not None


async def load_model(connection: AsyncConnection, tenant_id: str, model_id: str, *, lock: bool) -> Model | None:
    """The tenant's own model of that id, else a shared model of that id from any tenant."""
    lock_row = " FOR UPDATE" if lock and connection.dialect.name == "postgresql" else ""
    row = (
        (
            await connection.execute(
                text(
                    "SELECT * FROM federated_models WHERE model_id = :model_id AND (tenant_id = :tenant_id OR shared)"
                    f" ORDER BY tenant_id = :tenant_id DESC LIMIT 1{lock_row}"
                ),
                {"tenant_id": tenant_id, "model_id": model_id},
            )
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    return Model(
        key=ModelKey(row["tenant_id"], row["model_id"]),
        tensors=tuple(TensorSpec(name, tuple(shape)) for name, shape in json.loads(row["tensors"])),
        settings=Settings(
            strategy=Strategy(row["strategy"]),
            shared=bool(row["shared"]),
            min_clients=row["min_clients"],
            round_duration_s=row["round_duration_s"],
            max_update_norm=row["max_update_norm"],
            max_staleness=row["max_staleness"],
            staleness_exponent=row["staleness_exponent"],
        ),
        version=row["version"],
        round=row["round"],
        round_deadline_ms=row["round_deadline_ms"],
    )


async def advance(connection: AsyncConnection, key: ModelKey, version: int, round_: int, deadline_ms: int) -> None:
    """Makes `version` current and opens `round_`; the closed rounds' deltas are dropped, their ids kept so that
    late retries still count once."""
    await connection.execute(
        text(
            "UPDATE federated_models SET version = :version, round = :round, round_deadline_ms = :deadline"
            " WHERE tenant_id = :tenant_id AND model_id = :model_id"
        ),
        {**_key(key), "version": version, "round": round_, "deadline": deadline_ms},
    )
    await connection.execute(
        text(
            "UPDATE federated_updates SET delta = NULL"
            " WHERE tenant_id = :tenant_id AND model_id = :model_id AND round < :round"
        ),
        {**_key(key), "round": round_},
    )


async def insert_version(
    connection: AsyncConnection,
    key: ModelKey,
    version: int,
    weights: np.ndarray,
    *,
    round_: int,
    client_count: int,
    noise_multiplier: float | None,
) -> None:
    await connection.execute(
        text(
            "INSERT INTO federated_versions (tenant_id, model_id, version, round, weights, client_count,"
            " noise_multiplier) VALUES (:tenant_id, :model_id, :version, :round, :weights, :client_count,"
            " :noise_multiplier)"
        ),
        {
            **_key(key),
            "version": version,
            "round": round_,
            "weights": weights.astype("<f4").tobytes(),
            "client_count": client_count,
            "noise_multiplier": noise_multiplier,
        },
    )


async def publish_learner_model(connection: AsyncConnection, tenant_id: str, model: str, parameters: dict) -> None:
    """Adds the parameters as the tenant's newest version of a learner model (brain.ml's ml_model_versions)."""
    await connection.execute(
        text(
            "INSERT INTO ml_model_versions (tenant_id, model, version, parameters, source) VALUES (:tenant_id, :model,"
            " (SELECT COALESCE(MAX(version), 0) + 1 FROM ml_model_versions WHERE tenant_id = :tenant_id"
            " AND model = :model), :parameters, 'federated')"
        ),
        {"tenant_id": tenant_id, "model": model, "parameters": json.dumps(parameters)},
    )


async def load_weights(connection: AsyncConnection, key: ModelKey, version: int) -> np.ndarray:
    blob = (
        await connection.execute(
            text(
                "SELECT weights FROM federated_versions"
                " WHERE tenant_id = :tenant_id AND model_id = :model_id AND version = :version"
            ),
            {**_key(key), "version": version},
        )
    ).scalar_one()
    return np.frombuffer(blob, dtype="<f4")


async def noise_multipliers(connection: AsyncConnection, key: ModelKey) -> list[float]:
    """The noise multiplier of each private round the model went through."""
    found = await connection.execute(
        text(
            "SELECT noise_multiplier FROM federated_versions"
            " WHERE tenant_id = :tenant_id AND model_id = :model_id AND noise_multiplier IS NOT NULL"
        ),
        _key(key),
    )
    return list(found.scalars())


async def stored_round(connection: AsyncConnection, key: ModelKey, submitter: str, update_id: str) -> int | None:
    """The round an update with this id was stored for, or None when it never was."""
    found = await connection.execute(
        text(
            "SELECT round FROM federated_updates WHERE tenant_id = :tenant_id AND model_id = :model_id"
            " AND submitter_tenant_id = :submitter AND update_id = :update_id"
        ),
        {**_key(key), "submitter": submitter, "update_id": update_id},
    )
    return found.scalar()


async def client_submitted(
    connection: AsyncConnection, key: ModelKey, round_: int, submitter: str, client: str
) -> bool:
    found = await connection.execute(
        text(
            "SELECT 1 FROM federated_updates WHERE tenant_id = :tenant_id AND model_id = :model_id"
            " AND round = :round AND submitter_tenant_id = :submitter AND client_id = :client_id"
        ),
        {**_key(key), "round": round_, "submitter": submitter, "client_id": client},
    )
    return found.first() is not None


async def insert_update(
    connection: AsyncConnection,
    key: ModelKey,
    *,
    submitter: str,
    update_id: str,
    client_id: str,
    round_: int,
    base_version: int,
    sample_count: int,
    weight: float,
    delta: np.ndarray,
) -> None:
    await connection.execute(
        text(
            "INSERT INTO federated_updates (tenant_id, model_id, submitter_tenant_id, update_id, client_id, round,"
            " base_version, sample_count, weight, delta) VALUES (:tenant_id, :model_id, :submitter, :update_id,"
            " :client_id, :round, :base_version, :sample_count, :weight, :delta)"
        ),
        {
            **_key(key),
            "submitter": submitter,
            "update_id": update_id,
            "client_id": client_id,
            "round": round_,
            "base_version": base_version,
            "sample_count": sample_count,
            "weight": weight,
            "delta": delta.astype("<f4").tobytes(),
        },
    )


async def sample_total(connection: AsyncConnection, key: ModelKey, round_: int) -> int:
    found = await connection.execute(
        text(
            "SELECT COALESCE(SUM(sample_count), 0) FROM federated_updates"
            " WHERE tenant_id = :tenant_id AND model_id = :model_id AND round = :round"
        ),
        {**_key(key), "round": round_},
    )
    return found.scalar_one()


async def update_count(connection: AsyncConnection, key: ModelKey, round_: int) -> int:
    found = await connection.execute(
        text(
            "SELECT COUNT(*) FROM federated_updates"
            " WHERE tenant_id = :tenant_id AND model_id = :model_id AND round = :round"
        ),
        {**_key(key), "round": round_},
    )
    return found.scalar_one()


def stream_updates(connection: Connection, key: ModelKey, round_: int) -> Iterator[Update]:
    """The round's updates a page at a time (run inside AsyncConnection.run_sync), so a streaming strategy holds
    one page of updates, not the round. Pages follow the primary key, as async drivers allow no server-side
    cursor here."""
    after = ("", "")
    while True:
        rows = connection.execute(
            text(
                "SELECT submitter_tenant_id, update_id, delta, weight FROM federated_updates"
                " WHERE tenant_id = :tenant_id AND model_id = :model_id AND round = :round"
                " AND (submitter_tenant_id, update_id) > (:submitter, :update_id)"
                " ORDER BY submitter_tenant_id, update_id LIMIT :page"
            ),
            {**_key(key), "round": round_, "submitter": after[0], "update_id": after[1], "page": _PAGE},
        ).all()
        for _, _, delta, weight in rows:
            yield Update(np.frombuffer(delta, dtype="<f4"), weight)
        if len(rows) < _PAGE:
            return
        after = (rows[-1][0], rows[-1][1])


def _key(key: ModelKey) -> dict[str, str]:
    return {"tenant_id": key.tenant_id, "model_id": key.model_id}
