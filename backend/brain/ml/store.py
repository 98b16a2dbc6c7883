"""Learner and item state in the brain's SQL database, keyed by tenant: no query runs without a tenant_id."""

import json
from collections.abc import Collection, Sequence
from datetime import UTC, datetime

import numpy as np
from sqlalchemy import DateTime, bindparam, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from brain.ml.bandit import LinearPosterior
from brain.ml.bkt import DEFAULT_BKT, BktParameters, update_mastery
from brain.ml.content import FEATURES, ContentItem, LearnerView, Recommendation
from brain.ml.elo import DEFAULT_ELO, EloParameters, Rating, update
from brain.ml.levels import level_to_logit
from brain.ml.modality import ModalityEvidence, success_mean
from brain.ml.outcomes import AbilityPoint, LearnerKey, Outcome, RecordedOutcome
from brain.ml.session_models import Example
from brain.storage.database import BEGIN_IMMEDIATE

# The content bandit's name in ml_model_versions.
CONTENT_BANDIT = "content_bandit"


_UPDATE_NEWEST_LOCAL_VERSION = (
    "UPDATE ml_model_versions SET parameters = :parameters, updated_at = CURRENT_TIMESTAMP"
    " WHERE tenant_id = :tenant_id AND model = :model AND source = 'local' AND version ="
    " (SELECT MAX(version) FROM ml_model_versions WHERE tenant_id = :tenant_id AND model = :model)"
)


class LearnerStore:
    def __init__(self, engine: AsyncEngine, elo: EloParameters = DEFAULT_ELO, bkt: BktParameters = DEFAULT_BKT) -> None:
        self._engine = engine
        self._elo = elo
        self._bkt = bkt

    async def skill_rating(self, learner: LearnerKey, skill: str) -> Rating | None:
        """The learner's Elo rating on the skill, or None when no outcome of theirs on it is recorded."""
        row = (
            await self._read(
                "SELECT ability, attempts, information FROM ml_learner_skills"
                " WHERE tenant_id = :tenant_id AND learner_id = :learner_id AND skill = :skill",
                learner,
                skill=skill,
            )
        ).first()
        return Rating(*row) if row else None

    async def masteries(self, learner: LearnerKey, skills: Collection[str]) -> dict[str, float]:
        """BKT mastery of those of the skills the learner has recorded outcomes on."""
        statement = text(
            "SELECT skill, mastery FROM ml_learner_skills"
            " WHERE tenant_id = :tenant_id AND learner_id = :learner_id AND skill IN :skills"
        ).bindparams(bindparam("skills", expanding=True))
        return dict((await self._read(statement, learner, skills=list(skills))).all())

    async def modality_evidence(self, learner: LearnerKey) -> dict[str, ModalityEvidence]:
        rows = await self._read(
            "SELECT modality, trials, successes FROM ml_modality_evidence"
            " WHERE tenant_id = :tenant_id AND learner_id = :learner_id",
            learner,
        )
        return {modality: ModalityEvidence(trials, successes) for modality, trials, successes in rows}

    async def learner_view(self, learner: LearnerKey, catalog: Sequence[ContentItem]) -> LearnerView:
        """What the learner models hold about the learner for these items."""
        skills = {item.skill for item in catalog} | {skill for item in catalog for skill in item.prerequisite_ids}
        learner_rows = await self._read(
            text(
                "SELECT skill, ability, mastery FROM ml_learner_skills"
                " WHERE tenant_id = :tenant_id AND learner_id = :learner_id AND skill IN :skills"
            ).bindparams(bindparam("skills", expanding=True)),
            learner,
            skills=sorted(skills),
        )
        by_skill = {skill: (ability, mastery) for skill, ability, mastery in learner_rows}
        wanted = {(item.skill, item.content_id) for item in catalog}
        item_rows = await self._read(
            text(
                "SELECT skill, item_id, difficulty FROM ml_items WHERE tenant_id = :tenant_id AND item_id IN :items"
            ).bindparams(bindparam("items", expanding=True)),
            learner,
            items=sorted({item.content_id for item in catalog}),
        )
        modality = await self.modality_evidence(learner)
        return LearnerView(
            abilities={skill: ability for skill, (ability, _) in by_skill.items()},
            masteries={skill: mastery for skill, (_, mastery) in by_skill.items()},
            modality_success={name: success_mean(evidence) for name, evidence in modality.items()},
            item_difficulties={item: d for skill, item, d in item_rows if (skill, item) in wanted},
        )

    async def content_posterior(self, tenant_id: str) -> LinearPosterior:
        """The newest version of the tenant's content bandit, or the prior before any reward."""
        async with self._engine.connect() as connection:
            return await _newest_posterior(connection, tenant_id, lock=False)

    async def remember_recommendations(self, learner: LearnerKey, items: Sequence[Recommendation]) -> None:
        """Keeps each recommended item's context, so that an answer to it can reward the bandit."""
        async with self._engine.begin() as connection:
            for item in items:
                await connection.execute(
                    text(
                        "INSERT INTO ml_recommendations (tenant_id, learner_id, content_id, context)"
                        " VALUES (:tenant_id, :learner_id, :content_id, :context)"
                        " ON CONFLICT (tenant_id, learner_id, content_id) DO UPDATE SET context = :context"
                    ),
                    {
                        "tenant_id": learner.tenant_id,
                        "learner_id": learner.learner_id,
                        "content_id": item.content_id,
                        "context": json.dumps(item.context),
                    },
                )

    async def replace_session_examples(
        self, learner: LearnerKey, model: str, session_id: str, examples: Sequence[Example]
    ) -> None:
        key = {"tenant_id": learner.tenant_id, "model": model, "session_id": session_id}
        async with self._engine.begin() as connection:
            await connection.execute(
                text(
                    "DELETE FROM ml_session_examples"
                    " WHERE tenant_id = :tenant_id AND model = :model AND session_id = :session_id"
                ),
                key,
            )
            for example in examples:
                await connection.execute(
                    text(
                        "INSERT INTO ml_session_examples"
                        " (tenant_id, model, session_id, cut_ms, learner_id, features, label)"
                        " VALUES (:tenant_id, :model, :session_id, :cut_ms, :learner_id, :features, :label)"
                    ),
                    {
                        **key,
                        "cut_ms": example.cut_ms,
                        "learner_id": learner.learner_id,
                        "features": json.dumps(example.features.tolist()),
                        "label": example.label,
                    },
                )

    async def session_examples(self, learner: LearnerKey, model: str, newest: int) -> list[Example]:
        """The tenant's newest examples of a model, from every learner of the tenant."""
        rows = await self._read(
            "SELECT cut_ms, features, label FROM ml_session_examples WHERE tenant_id = :tenant_id AND model = :model"
            " ORDER BY recorded_at DESC LIMIT :newest",
            learner,
            model=model,
            newest=newest,
        )
        return [Example(cut_ms, np.array(json.loads(features)), bool(label)) for cut_ms, features, label in rows]

    async def model_parameters(self, tenant_id: str, model: str) -> dict | None:
        """The newest version of a tenant's model parameters, or None while it has none."""
        async with self._engine.connect() as connection:
            parameters = (
                await connection.execute(
                    text(
                        "SELECT parameters FROM ml_model_versions WHERE tenant_id = :tenant_id AND model = :model"
                        " ORDER BY version DESC LIMIT 1"
                    ),
                    {"tenant_id": tenant_id, "model": model},
                )
            ).scalar()
        return json.loads(parameters) if parameters else None

    async def save_model_parameters(self, tenant_id: str, model: str, parameters: dict) -> None:
        """Refitted parameters replace the newest version's in place (version 1 when there is none), unless
        federated learning published the newest version: a federated model is the federation's to change."""
        key = {"tenant_id": tenant_id, "model": model, "parameters": json.dumps(parameters)}
        async with self._engine.begin() as connection:
            await connection.execute(
                text(
                    "INSERT INTO ml_model_versions (tenant_id, model, version, parameters)"
                    " VALUES (:tenant_id, :model, 1, :parameters) ON CONFLICT DO NOTHING"
                ),
                key,
            )
            await connection.execute(text(_UPDATE_NEWEST_LOCAL_VERSION), key)

    async def record_outcome(self, learner: LearnerKey, outcome: Outcome) -> RecordedOutcome:
        """Updates the learner's and the item's state from one answer, once per event_id, in one transaction
        that holds the rows locked, so concurrent answers of one learner never lose an update."""
        async with self._engine.connect() as connection:
            await connection.execution_options(**{BEGIN_IMMEDIATE: True})
            async with connection.begin():
                ability, mastery = await _locked_learner(connection, learner, outcome.skill, self._bkt.prior)
                difficulty = await _locked_item(connection, learner.tenant_id, outcome)
                step = update(ability, difficulty, float(outcome.correct), self._elo)
                if not await _insert_outcome(connection, learner, outcome, step.predicted, step.learner):
                    return RecordedOutcome(duplicate=True, ability=ability.value, attempts=ability.attempts)
                new_mastery = update_mastery(mastery, outcome.correct, self._bkt)
                await _save_learner(connection, learner, outcome.skill, step.learner, new_mastery)
                await _save_item(connection, learner.tenant_id, outcome, step.item)
                if outcome.modality:
                    await _count_modality(connection, learner, outcome)
                await _reward_recommendation(connection, learner, outcome.item_id, new_mastery - mastery)
        return RecordedOutcome(duplicate=False, ability=step.learner.value, attempts=step.learner.attempts)

    async def ability_history(self, learner: LearnerKey, skill: str, limit: int) -> list[AbilityPoint]:
        """The learner's rating after each of their newest `limit` answers, on `skill` or on every skill when
        it is empty, oldest first."""
        statement = text(
            "SELECT skill, recorded_at, ability, attempts, correct FROM ml_outcomes"
            " WHERE tenant_id = :tenant_id AND learner_id = :learner_id"
            + (" AND skill = :skill" if skill else "")
            + " ORDER BY recorded_at DESC, attempts DESC LIMIT :limit"
        ).columns(recorded_at=DateTime)
        rows = await self._read(statement, learner, skill=skill, limit=limit)
        return [AbilityPoint(*row[:4], bool(row[4])) for row in reversed(rows.all())]

    async def _read(self, statement, learner: LearnerKey, **parameters):
        query = text(statement) if isinstance(statement, str) else statement
        async with self._engine.connect() as connection:
            return await connection.execute(
                query, {"tenant_id": learner.tenant_id, "learner_id": learner.learner_id, **parameters}
            )


def _for_update(connection: AsyncConnection) -> str:
    # SQLite's BEGIN IMMEDIATE already holds the write lock; PostgreSQL locks the rows read.
    return " FOR UPDATE" if connection.dialect.name == "postgresql" else ""


async def _locked_learner(
    connection: AsyncConnection, learner: LearnerKey, skill: str, prior_mastery: float
) -> tuple[Rating, float]:
    key = {"tenant_id": learner.tenant_id, "learner_id": learner.learner_id, "skill": skill}
    await connection.execute(
        text(
            "INSERT INTO ml_learner_skills (tenant_id, learner_id, skill, ability, attempts, information, mastery)"
            " VALUES (:tenant_id, :learner_id, :skill, 0, 0, 0, :mastery) ON CONFLICT DO NOTHING"
        ),
        {**key, "mastery": prior_mastery},
    )
    ability, attempts, information, mastery = (
        await connection.execute(
            text(
                "SELECT ability, attempts, information, mastery FROM ml_learner_skills"
                " WHERE tenant_id = :tenant_id AND learner_id = :learner_id AND skill = :skill"
                + _for_update(connection)
            ),
            key,
        )
    ).one()
    return Rating(ability, attempts, information), mastery


async def _locked_item(connection: AsyncConnection, tenant_id: str, outcome: Outcome) -> Rating:
    key = {"tenant_id": tenant_id, "skill": outcome.skill, "item_id": outcome.item_id}
    # A new item starts at its level's difficulty; answers then calibrate it.
    await connection.execute(
        text(
            "INSERT INTO ml_items (tenant_id, skill, item_id, difficulty, attempts, information)"
            " VALUES (:tenant_id, :skill, :item_id, :difficulty, 0, 0) ON CONFLICT DO NOTHING"
        ),
        {**key, "difficulty": level_to_logit(outcome.level)},
    )
    row = (
        await connection.execute(
            text(
                "SELECT difficulty, attempts, information FROM ml_items"
                " WHERE tenant_id = :tenant_id AND skill = :skill AND item_id = :item_id" + _for_update(connection)
            ),
            key,
        )
    ).one()
    return Rating(*row)


async def _insert_outcome(
    connection: AsyncConnection, learner: LearnerKey, outcome: Outcome, predicted: float, rating: Rating
) -> bool:
    """Records the answer with the learner's rating after it; False when its event_id is recorded already."""
    inserted = await connection.execute(
        text(
            "INSERT INTO ml_outcomes (tenant_id, event_id, learner_id, skill, item_id, level, correct,"
            " response_time_ms, modality, predicted, ability, attempts, recorded_at) VALUES (:tenant_id, :event_id,"
            " :learner_id, :skill, :item_id, :level, :correct, :response_time_ms, :modality, :predicted, :ability,"
            " :attempts, :recorded_at) ON CONFLICT DO NOTHING"
        ),
        {
            "tenant_id": learner.tenant_id,
            "event_id": outcome.event_id,
            "learner_id": learner.learner_id,
            "skill": outcome.skill,
            "item_id": outcome.item_id,
            "level": outcome.level,
            "correct": outcome.correct,
            "response_time_ms": outcome.response_time_ms,
            "modality": outcome.modality,
            "predicted": predicted,
            "ability": rating.value,
            "attempts": rating.attempts,
            # To the microsecond (SQLite's CURRENT_TIMESTAMP has whole seconds), in UTC without a zone.
            "recorded_at": datetime.now(UTC).replace(tzinfo=None),
        },
    )
    return inserted.rowcount == 1


async def _save_learner(
    connection: AsyncConnection, learner: LearnerKey, skill: str, rating: Rating, mastery: float
) -> None:
    await connection.execute(
        text(
            "UPDATE ml_learner_skills SET ability = :value, attempts = :attempts, information = :information,"
            " mastery = :mastery WHERE tenant_id = :tenant_id AND learner_id = :learner_id AND skill = :skill"
        ),
        {
            **_columns(rating),
            "mastery": mastery,
            "tenant_id": learner.tenant_id,
            "learner_id": learner.learner_id,
            "skill": skill,
        },
    )


async def _save_item(connection: AsyncConnection, tenant_id: str, outcome: Outcome, rating: Rating) -> None:
    await connection.execute(
        text(
            "UPDATE ml_items SET difficulty = :value, attempts = :attempts, information = :information"
            " WHERE tenant_id = :tenant_id AND skill = :skill AND item_id = :item_id"
        ),
        {**_columns(rating), "tenant_id": tenant_id, "skill": outcome.skill, "item_id": outcome.item_id},
    )


async def _count_modality(connection: AsyncConnection, learner: LearnerKey, outcome: Outcome) -> None:
    await connection.execute(
        text(
            "INSERT INTO ml_modality_evidence (tenant_id, learner_id, modality, trials, successes)"
            " VALUES (:tenant_id, :learner_id, :modality, 1, :success)"
            " ON CONFLICT (tenant_id, learner_id, modality) DO UPDATE SET"
            " trials = ml_modality_evidence.trials + 1, successes = ml_modality_evidence.successes + :success"
        ),
        {
            "tenant_id": learner.tenant_id,
            "learner_id": learner.learner_id,
            "modality": outcome.modality,
            "success": int(outcome.correct),
        },
    )


async def _reward_recommendation(
    connection: AsyncConnection, learner: LearnerKey, content_id: str, mastery_gain: float
) -> None:
    """An answer to recommended content rewards the tenant's bandit with the mastery it gained, once."""
    key = {"tenant_id": learner.tenant_id, "learner_id": learner.learner_id, "content_id": content_id}
    context = (
        await connection.execute(
            text(
                "DELETE FROM ml_recommendations WHERE tenant_id = :tenant_id AND learner_id = :learner_id"
                " AND content_id = :content_id RETURNING context"
            ),
            key,
        )
    ).scalar()
    if context is None:
        return
    posterior = await _newest_posterior(connection, learner.tenant_id, lock=True)
    posterior = posterior.updated(np.array(json.loads(context)), mastery_gain)
    await connection.execute(
        text(_UPDATE_NEWEST_LOCAL_VERSION),
        {"tenant_id": learner.tenant_id, "model": CONTENT_BANDIT, "parameters": json.dumps(posterior.to_json())},
    )


async def _newest_posterior(connection: AsyncConnection, tenant_id: str, *, lock: bool) -> LinearPosterior:
    """The newest version of the tenant's content bandit; with lock, created at version 1 when absent and
    held locked until the transaction ends."""
    key = {"tenant_id": tenant_id, "model": CONTENT_BANDIT}
    if lock:
        await connection.execute(
            text(
                "INSERT INTO ml_model_versions (tenant_id, model, version, parameters)"
                " VALUES (:tenant_id, :model, 1, :parameters) ON CONFLICT DO NOTHING"
            ),
            {**key, "parameters": json.dumps(LinearPosterior.prior(len(FEATURES)).to_json())},
        )
    parameters = (
        await connection.execute(
            text(
                "SELECT parameters FROM ml_model_versions WHERE tenant_id = :tenant_id AND model = :model"
                " ORDER BY version DESC LIMIT 1" + (_for_update(connection) if lock else "")
            ),
            key,
        )
    ).scalar()
    return LinearPosterior.from_json(json.loads(parameters)) if parameters else LinearPosterior.prior(len(FEATURES))


def _columns(rating: Rating) -> dict[str, float]:
    return {"value": rating.value, "attempts": rating.attempts, "information": rating.information}
