"""Federated rounds over the database: register a model, accept updates, aggregate a round into version N+1.

Every operation is one transaction holding the model's row (SELECT ... FOR UPDATE on PostgreSQL, the write lock
on SQLite), so an update is either stored with its round still open or refused, and a round is aggregated once.
"""

import asyncio
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from brain.errors import InvalidInputError, NotFoundError, PreconditionError
from brain.federated import store, validation
from brain.federated.aggregate import clip_l2
from brain.federated.learner_models import LEARNER_MODELS, check_learner_model_shape, learner_parameters
from brain.federated.model import Aggregated, Model, ModelKey, RoundStatus, Settings, TensorData, TensorSpec
from brain.federated.privacy import PrivacyOptions, add_gaussian_noise, epsilon_spent
from brain.federated.strategies import Strategy, StrategyOptions, Update, combine
from brain.storage.database import BEGIN_IMMEDIATE


@dataclass(frozen=True, slots=True)
class Submission:
    model_id: str
    client_id: str
    update_id: str
    round: int
    base_version: int
    sample_count: int
    delta: tuple[TensorData, ...]


def _now_ms() -> int:
    return int(time.time() * 1000)


class Federation:
    def __init__(
        self,
        engine: AsyncEngine,
        now_ms: Callable[[], int] = _now_ms,
        rng: Callable[[], np.random.Generator] = np.random.default_rng,
    ) -> None:
        self._engine = engine
        self._now_ms = now_ms
        self._rng = rng

    async def register(
        self, tenant_id: str, model_id: str, initial_weights: Sequence[TensorData], settings: Settings
    ) -> Model:
        """Creates the tenant's model with version 1 and opens round 1."""
        specs = tuple(TensorSpec(t.name, t.shape) for t in initial_weights)
        check_learner_model_shape(model_id, specs)
        weights = validation.flatten(initial_weights, specs, "initial_weights")
        model = Model(ModelKey(tenant_id, model_id), specs, settings, 1, 1, self._deadline(settings))
        async with self._transaction() as connection:
            if await store.model_exists(connection, model.key):
                raise PreconditionError(f"model_id: the tenant already has a federated model {model_id!r}")
            await store.insert_model(connection, model, weights)
        return model

    async def round_status(self, tenant_id: str, model_id: str) -> RoundStatus:
        async with self._engine.connect() as connection:
            model = await _model(connection, tenant_id, model_id, lock=False)
            weights = await store.load_weights(connection, model.key, model.version)
            count = await store.update_count(connection, model.key, model.round)
        return RoundStatus(
            model.round,
            model.version,
            model.round_deadline_ms,
            count,
            model.settings.min_clients,
            _tensors(weights, model.tensors),
        )

    async def submit(self, tenant_id: str, submission: Submission) -> int:
        """Stores the update for its round and returns the round; a retry of a stored update_id returns the round
        it was stored for and stores nothing."""
        async with self._transaction() as connection:
            model = await _model(connection, tenant_id, submission.model_id, lock=True)
            stored = await store.stored_round(connection, model.key, tenant_id, submission.update_id)
            if stored is not None:
                return stored
            count = await store.update_count(connection, model.key, model.round)
            validation.check_round(model, submission.round, self._now_ms(), count)
            weight = validation.stale_weight(model, submission.base_version)
            if await store.client_submitted(connection, model.key, model.round, tenant_id, submission.client_id):
                raise PreconditionError(
                    f"client_id: {submission.client_id!r} already sent an update for round {model.round}"
                )
            delta = validation.flatten(submission.delta, model.tensors, "delta")
            validation.check_norm(delta, model, "delta")
            await store.insert_update(
                connection,
                model.key,
                submitter=tenant_id,
                update_id=submission.update_id,
                client_id=submission.client_id,
                round_=model.round,
                base_version=submission.base_version,
                sample_count=submission.sample_count,
                weight=submission.sample_count * weight,
                delta=delta,
            )
        return model.round

    async def aggregate(
        self,
        tenant_id: str,
        model_id: str,
        round_: int,
        strategy: Strategy | None,
        options: StrategyOptions,
        privacy: PrivacyOptions | None,
    ) -> Aggregated:
        """Aggregates an open round that has min_clients updates or has passed its deadline, publishes the new
        version (also to inference when the model is a learner model) and opens the next round. With privacy each
        update is clipped and counts equally (FedAvg only)."""
        async with self._transaction() as connection:
            model = await _model(connection, tenant_id, model_id, lock=True)
            if model.key.tenant_id != tenant_id:
                raise PreconditionError(
                    f"model_id: only the tenant that owns the shared model {model_id!r} aggregates it"
                )
            strategy = strategy or model.settings.strategy
            if privacy is not None and strategy is not Strategy.FEDAVG:
                raise InvalidInputError("privacy", "differential privacy is only accounted for the FedAvg strategy")
            count = await self._ready_count(connection, model, round_)
            base = await store.load_weights(connection, model.key, model.version)
            delta = await _combined(connection, model, round_, strategy, options, privacy)
            if privacy is not None:
                delta = add_gaussian_noise(delta, privacy, count, self._rng())
            weights, version = base + delta, model.version + 1
            await store.insert_version(
                connection,
                model.key,
                version,
                weights,
                round_=round_,
                client_count=count,
                noise_multiplier=privacy.noise_multiplier if privacy else None,
            )
            if model_id in LEARNER_MODELS:
                examples = await store.sample_total(connection, model.key, round_)
                await store.publish_learner_model(
                    connection, model.key.tenant_id, model_id, learner_parameters(weights, examples)
                )
            await store.advance(connection, model.key, version, round_ + 1, self._deadline(model.settings))
            epsilon = (
                epsilon_spent(await store.noise_multipliers(connection, model.key), privacy.delta) if privacy else 0.0
            )
        return Aggregated(version, count, strategy, epsilon)

    async def _ready_count(self, connection: AsyncConnection, model: Model, round_: int) -> int:
        if round_ != model.round:
            raise PreconditionError(f"round: round {round_} is not open; the open round is {model.round}")
        count = await store.update_count(connection, model.key, round_)
        if count == 0:
            raise PreconditionError(f"round: round {round_} has no updates")
        if count < model.settings.min_clients and self._now_ms() < model.round_deadline_ms:
            raise PreconditionError(
                f"round: round {round_} has {count} of {model.settings.min_clients} updates"
                " and its deadline has not passed"
            )
        return count

    def _deadline(self, settings: Settings) -> int:
        return self._now_ms() + settings.round_duration_s * 1000

    @asynccontextmanager
    async def _transaction(self):
        async with self._engine.connect() as connection:
            await connection.execution_options(**{BEGIN_IMMEDIATE: True})
            async with connection.begin():
                yield connection


async def _model(connection: AsyncConnection, tenant_id: str, model_id: str, *, lock: bool) -> Model:
    model = await store.load_model(connection, tenant_id, model_id, lock=lock)
    if model is None:
        raise NotFoundError(f"model_id: no federated model {model_id!r} for this tenant")
    return model


async def _combined(
    connection: AsyncConnection,
    model: Model,
    round_: int,
    strategy: Strategy,
    options: StrategyOptions,
    privacy: PrivacyOptions | None,
) -> np.ndarray:
    """The round's aggregated delta. FedAvg folds each update in as it is read, a little work between reads. The
    robust rules need every update at once and then seconds of arithmetic (15-33 s for 1,000 x 1M parameters),
    which runs on a thread so that the server goes on answering meanwhile: numpy lets go of the GIL in it."""

    def updates(sync: Connection) -> Iterator[Update]:
        return _private(store.stream_updates(sync, model.key, round_), privacy)

    if strategy is Strategy.FEDAVG:
        return await connection.run_sync(lambda sync: combine(strategy, updates(sync), model.size, options))
    everyone = await connection.run_sync(lambda sync: list(updates(sync)))
    return await asyncio.to_thread(combine, strategy, everyone, model.size, options)


def _private(updates: Iterator[Update], privacy: PrivacyOptions | None) -> Iterator[Update]:
    """Under privacy every update is clipped to the clip norm and weighs the same, so one client moves the mean by
    at most C / n, the sensitivity the noise is calibrated to."""
    if privacy is None:
        yield from updates
        return
    for update in updates:
        yield Update(clip_l2(update.vector, privacy.clip_norm), 1.0)


def _tensors(weights: np.ndarray, specs: Sequence[TensorSpec]) -> tuple[TensorData, ...]:
    tensors, start = [], 0
    for spec in specs:
        tensors.append(TensorData(spec.name, spec.shape, weights[start : start + spec.size].astype("<f4").tobytes()))
        start += spec.size
    return tuple(tensors)
