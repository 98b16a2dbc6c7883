import asyncio

import pytest

from brain.federated.store import publish_learner_model
from brain.ml.content import ContentItem, recommend_content
from brain.ml.modality import ModalityEvidence
from brain.ml.outcomes import LearnerKey, Outcome
from brain.ml.store import LearnerStore
from brain.storage.database import create_engine
from brain.storage.migrations import migrate
from brain.testing import make_config

ADA = LearnerKey("tenant-a", "ada")


@pytest.fixture
async def engine(tmp_path, database_url):
    engine = create_engine(make_config(tmp_path, database_url=database_url))
    await migrate(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def store(engine):
    return LearnerStore(engine)


def answer(event_id: str, correct: bool = True, item_id: str = "item-1", modality: str = "") -> Outcome:
    return Outcome(event_id, "math", item_id, level=50, correct=correct, response_time_ms=2000, modality=modality)


async def test_a_learner_without_recorded_outcomes_has_no_rating(store):
    assert await store.skill_rating(ADA, "math") is None


async def test_a_correct_answer_is_recorded_and_raises_the_stored_ability(store):
    recorded = await store.record_outcome(ADA, answer("e-1"))

    rating = await store.skill_rating(ADA, "math")
    assert not recorded.duplicate
    assert (rating.value, rating.attempts) == (recorded.ability, 1)
    assert rating.value > 0


async def test_recording_the_same_event_again_changes_nothing(store):
    first = await store.record_outcome(ADA, answer("e-1"))

    again = await store.record_outcome(ADA, answer("e-1", correct=False))

    assert again.duplicate
    assert (again.ability, again.attempts) == (first.ability, first.attempts)
    assert (await store.skill_rating(ADA, "math")).attempts == 1


async def test_another_tenant_never_sees_a_learner_of_the_same_id(store):
    await store.record_outcome(ADA, answer("e-1"))

    assert await store.skill_rating(LearnerKey("tenant-b", "ada"), "math") is None


async def test_the_same_event_id_in_two_tenants_is_two_answers(store):
    await store.record_outcome(ADA, answer("e-1"))

    other = await store.record_outcome(LearnerKey("tenant-b", "ada"), answer("e-1"))

    assert not other.duplicate


async def test_concurrent_answers_of_one_learner_are_all_counted(store):
    await asyncio.gather(*(store.record_outcome(ADA, answer(f"e-{i}", item_id=f"item-{i % 2}")) for i in range(8)))

    assert (await store.skill_rating(ADA, "math")).attempts == 8


async def test_correct_answers_raise_the_recorded_mastery_of_their_skill_only(store):
    for i in range(3):
        await store.record_outcome(ADA, answer(f"e-{i}"))

    masteries = await store.masteries(ADA, ["math", "reading"])

    assert set(masteries) == {"math"}
    assert masteries["math"] > 0.8


async def test_answers_count_toward_the_modality_they_were_presented_in(store):
    await store.record_outcome(ADA, answer("e-1", modality="visual"))
    await store.record_outcome(ADA, answer("e-2", correct=False, modality="visual"))
    await store.record_outcome(ADA, answer("e-3"))

    evidence = await store.modality_evidence(ADA)

    assert evidence == {"visual": ModalityEvidence(trials=2, successes=1)}


async def test_answering_recommended_content_rewards_the_tenants_bandit_once(store):
    item = ContentItem("item-1", "math", 50, "", ())
    view = await store.learner_view(ADA, [item])
    recommended = recommend_content([item], view, await store.content_posterior("tenant-a"), 1)
    await store.remember_recommendations(ADA, recommended.items)

    await store.record_outcome(ADA, answer("e-1"))
    await store.record_outcome(ADA, answer("e-2"))

    assert (await store.content_posterior("tenant-a")).updates == 1
    assert (await store.content_posterior("tenant-b")).updates == 0


async def test_the_learner_view_holds_the_recorded_ability_mastery_modality_and_item_difficulty(store):
    await store.record_outcome(ADA, answer("e-1", modality="visual"))

    view = await store.learner_view(ADA, [ContentItem("item-1", "math", 50, "visual", ("counting",))])

    assert view.abilities["math"] > 0 and view.masteries["math"] > 0.2
    assert view.modality_success == {"visual": pytest.approx(2 / 3)}
    assert view.item_difficulties["item-1"] < 0


async def test_a_local_refit_replaces_the_newest_local_parameters(store):
    await store.save_model_parameters("tenant-a", "engagement_logistic", {"weights": [0.1]})

    await store.save_model_parameters("tenant-a", "engagement_logistic", {"weights": [0.2]})

    assert await store.model_parameters("tenant-a", "engagement_logistic") == {"weights": [0.2]}


async def test_a_local_refit_leaves_a_version_published_by_federated_learning_alone(store, engine):
    await store.save_model_parameters("tenant-a", "engagement_logistic", {"weights": [0.1]})
    async with engine.begin() as connection:
        await publish_learner_model(connection, "tenant-a", "engagement_logistic", {"weights": [0.5]})

    await store.save_model_parameters("tenant-a", "engagement_logistic", {"weights": [0.2]})

    assert await store.model_parameters("tenant-a", "engagement_logistic") == {"weights": [0.5]}


async def test_the_ability_history_follows_the_recorded_answers_oldest_first(store):
    first = await store.record_outcome(ADA, answer("e-1"))
    second = await store.record_outcome(ADA, answer("e-2", correct=False))

    history = await store.ability_history(ADA, "", limit=200)

    assert [(p.skill, p.ability, p.attempts, p.correct) for p in history] == [
        ("math", first.ability, 1, True),
        ("math", second.ability, 2, False),
    ]
    assert history[0].recorded_at <= history[1].recorded_at


async def test_another_tenant_sees_no_ability_history_of_a_learner_of_the_same_id(store):
    await store.record_outcome(ADA, answer("e-1"))

    assert await store.ability_history(LearnerKey("tenant-b", "ada"), "", limit=200) == []


async def test_the_ability_history_keeps_only_the_skill_asked_for(store):
    await store.record_outcome(ADA, answer("e-1"))
    await store.record_outcome(ADA, Outcome("e-2", "reading", "item-2", level=50, correct=True, response_time_ms=0))

    history = await store.ability_history(ADA, "reading", limit=200)

    assert [p.skill for p in history] == ["reading"]


async def test_the_ability_history_keeps_the_newest_answers_up_to_the_limit(store):
    for i in range(3):
        await store.record_outcome(ADA, answer(f"e-{i}"))

    history = await store.ability_history(ADA, "math", limit=2)

    assert [p.attempts for p in history] == [2, 3]
