import pytest

from brain.ml.modality import MODALITIES, ModalityEvidence, modality_preferences


def test_without_answers_every_modality_is_at_the_uniform_prior_with_a_wide_interval():
    result = modality_preferences({})

    assert {p.modality for p in result.preferences} == set(MODALITIES)
    assert all(p.probability == 0.5 for p in result.preferences)
    assert result.preferences[0].credible_interval_low == pytest.approx(0.05)
    assert result.preferences[0].credible_interval_high == pytest.approx(0.95)
    assert result.confidence == pytest.approx(0.1)


def test_the_modality_the_learner_does_best_with_comes_first_with_a_narrower_interval():
    result = modality_preferences({"visual": ModalityEvidence(40, 36), "reading": ModalityEvidence(40, 20)})

    top = result.preferences[0]
    assert top.modality == "visual"
    assert top.probability == pytest.approx(37 / 42)
    assert top.credible_interval_low < top.probability < top.credible_interval_high
    assert top.credible_interval_high - top.credible_interval_low < 0.25


def test_the_note_says_it_is_an_observed_preference_and_not_a_learning_style():
    note = modality_preferences({}).note

    assert "observed preference" in note and "Pashler" in note
