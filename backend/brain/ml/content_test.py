import numpy as np
import pytest

from brain.errors import InvalidInputError
from brain.ml.bandit import LinearPosterior
from brain.ml.content import FEATURES, ContentItem, LearnerView, catalog_for, item_context, recommend_content
from brain.ml.simulation import learners_of_known_ability, recommendation_regret

NEW_LEARNER = LearnerView({}, {}, {}, {})
CATALOG = [ContentItem(f"math-{level}", "math", level, "visual", ()) for level in range(5, 100, 5)]


def test_the_context_reads_success_readiness_room_and_modality_from_the_learner_models():
    item = ContentItem("fractions-1", "fractions", 50, "visual", ("division",))
    learner = LearnerView({"fractions": 0.0}, {"division": 0.5, "fractions": 0.25}, {"visual": 0.8}, {})

    context = dict(zip(FEATURES, item_context(item, learner), strict=True))

    assert context == pytest.approx(
        {
            "bias": 1.0,
            "success_probability": 0.5,
            "challenge": 1.0,
            "readiness": 0.5,
            "room_to_learn": 0.75,
            "modality_success": 0.8,
        }
    )


def test_every_recommendation_carries_its_reason_and_the_limit_cuts_the_list():
    ranking = recommend_content(CATALOG, NEW_LEARNER, LinearPosterior.prior(len(FEATURES)), 3, np.random.default_rng(0))

    assert len(ranking.items) == 3
    assert all("predicted success" in item.reason and "expected mastery gain" in item.reason for item in ranking.items)
    assert ranking.items[0].score >= ranking.items[1].score >= ranking.items[2].score


def test_with_no_answers_yet_the_ranking_explores_and_says_so_with_no_confidence():
    ranking = recommend_content(CATALOG, NEW_LEARNER, LinearPosterior.prior(len(FEATURES)), 1, np.random.default_rng(0))

    assert ranking.confidence == pytest.approx(0.0)
    assert "explored" in ranking.items[0].reason


def test_an_empty_catalog_recommends_nothing():
    ranking = recommend_content([], NEW_LEARNER, LinearPosterior.prior(len(FEATURES)), 5, np.random.default_rng(0))

    assert ranking.items == () and ranking.confidence == 0.0


def test_the_bandits_regret_on_simulated_learners_is_under_a_third_of_random_recommendation():
    learners = learners_of_known_ability(20, np.random.default_rng(3))

    bandit = recommendation_regret(learners, CATALOG, 30, np.random.default_rng(1), bandit=True)
    random = recommendation_regret(learners, CATALOG, 30, np.random.default_rng(1), bandit=False)

    assert bandit < random / 3


def test_the_catalog_narrows_to_the_subject_and_refuses_a_content_id_given_twice():
    reading = ContentItem("read-1", "reading", 10, "", ())

    assert catalog_for([*CATALOG[:2], reading], "reading") == [reading]
    assert len(catalog_for([*CATALOG[:2], reading], "")) == 3
    with pytest.raises(InvalidInputError) as refused:
        catalog_for([reading, reading], "")
    assert refused.value.field == "catalog[1].content_id"
