import pytest

from brain.ml.difficulty import predict_difficulty
from brain.ml.elo import Rating


def test_a_cold_start_learner_with_no_scores_stays_at_the_current_level_with_no_confidence():
    prediction = predict_difficulty(None, 40, ())

    assert prediction.cold_start
    assert prediction.recommended_level == 40
    assert prediction.predicted_success_probability == pytest.approx(0.75, abs=0.01)
    assert prediction.confidence == 0.0


def test_the_seeds_request_with_strong_recent_scores_moves_the_learner_up():
    prediction = predict_difficulty(None, 5, (0.8, 0.75, 0.9, 1.0, 1.0))

    assert prediction.recommended_level > 5
    assert prediction.current_level_success_probability > 0.75
    assert 0 < prediction.confidence < 1


def test_poor_recent_scores_move_the_learner_down():
    assert predict_difficulty(None, 60, (0.0, 0.2, 0.0, 0.1)).recommended_level < 60


def test_a_recorded_rating_decides_and_the_recent_scores_are_not_counted_again():
    recorded = Rating(value=1.0, attempts=40, information=7.0)

    with_scores = predict_difficulty(recorded, 10, (0.0, 0.0, 0.0))
    without = predict_difficulty(recorded, 90, ())

    assert not with_scores.cold_start
    assert with_scores.recommended_level == without.recommended_level
    assert with_scores.ability == 1.0


def test_the_recommended_level_is_the_one_nearest_the_target_success_rate():
    recorded = Rating(value=0.0, attempts=40, information=7.0)

    easy = predict_difficulty(recorded, 50, (), target=0.9)
    hard = predict_difficulty(recorded, 50, (), target=0.6)

    assert easy.recommended_level < hard.recommended_level
    assert easy.predicted_success_probability == pytest.approx(0.9, abs=0.02)
    assert hard.predicted_success_probability == pytest.approx(0.6, abs=0.02)


def test_an_ability_beyond_the_scale_recommends_its_end():
    assert predict_difficulty(Rating(value=50.0), 50, ()).recommended_level == 100
    assert predict_difficulty(Rating(value=-50.0), 50, ()).recommended_level == 1
