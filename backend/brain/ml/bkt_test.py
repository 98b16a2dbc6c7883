import pytest

from brain.ml.bkt import BktParameters, expected_gain, update_mastery


def test_a_correct_answer_raises_mastery_by_bayes_rule_then_the_learning_step():
    parameters = BktParameters(prior=0.2, learn=0.1, guess=0.2, slip=0.1)

    # P(L|correct) = 0.5*0.9 / (0.5*0.9 + 0.5*0.2) = 0.8182; then 0.8182 + 0.1818*0.1 = 0.8364
    assert update_mastery(0.5, True, parameters) == pytest.approx(0.83636, abs=1e-4)


def test_a_wrong_answer_lowers_mastery():
    assert update_mastery(0.5, False) < 0.5


def test_the_expected_gain_of_a_mastered_skill_is_nothing():
    assert expected_gain(1.0) == 0.0
    assert expected_gain(0.0) == pytest.approx(BktParameters().learn)


def test_expected_mastery_after_an_answer_is_the_mastery_plus_the_expected_gain():
    parameters = BktParameters()
    mastery = 0.4
    p_correct = mastery * (1 - parameters.slip) + (1 - mastery) * parameters.guess

    expected = p_correct * update_mastery(mastery, True) + (1 - p_correct) * update_mastery(mastery, False)

    assert expected == pytest.approx(mastery + expected_gain(mastery))
