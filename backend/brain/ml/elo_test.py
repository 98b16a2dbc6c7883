import pytest

from brain.ml.elo import EloParameters, Rating, confidence, success_probability, update


def test_a_learner_as_able_as_the_item_is_difficult_succeeds_half_the_time():
    assert success_probability(0.7, 0.7) == pytest.approx(0.5)


def test_a_correct_answer_raises_the_learner_and_lowers_the_item_by_the_same_step():
    step = update(Rating(0.0), Rating(0.0), 1.0)

    assert step.predicted == pytest.approx(0.5)
    assert step.learner.value == pytest.approx(0.5)
    assert step.item.value == pytest.approx(-0.5)
    assert (step.learner.attempts, step.item.attempts) == (1, 1)


def test_a_wrong_answer_lowers_the_learner():
    assert update(Rating(0.0), Rating(0.0), 0.0).learner.value < 0


def test_later_answers_move_a_rating_less_than_early_ones():
    early = update(Rating(0.0, attempts=0), Rating(0.0), 1.0).learner.value
    late = update(Rating(0.0, attempts=100), Rating(0.0), 1.0).learner.value

    assert late < early / 4


def test_confidence_is_zero_before_any_answer_and_grows_with_answers():
    before = confidence(Rating())
    rating = Rating()
    for _ in range(30):
        rating = update(rating, Rating(rating.value), 1.0).learner

    assert before == 0.0
    assert 0.5 < confidence(rating) < 1.0


def test_the_learning_rate_shrinks_as_alpha_over_one_plus_beta_n():
    assert EloParameters(alpha=1.0, beta=0.05).k(20) == pytest.approx(0.5)
