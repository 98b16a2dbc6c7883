import numpy as np
import pytest

from brain.analytics import Answer, Idle, Session
from brain.ml.session_models import (
    ENGAGEMENT,
    FOCUS,
    MIN_EXAMPLES_TO_FIT,
    examples,
    fit_session_model,
    predict_session,
    session_prefix,
)
from brain.ml.simulation import calibration_error, simulated_session


def sessions(count: int, seed: int) -> list[Session]:
    rng = np.random.default_rng(seed)
    return [simulated_session(rng, 16, float(rng.uniform(3, 12)) if i % 2 else None) for i in range(count)]


def test_a_prefix_keeps_only_the_events_ended_by_then():
    session = Session(96, 60_000, (Answer(0, True, 3_000), Idle(10_000, 40_000), Answer(55_000, True, 3_000)))

    assert session_prefix(session, 30_000).events == (Answer(0, True, 3_000),)


def test_a_steady_session_gives_examples_all_engaged_and_focused_every_two_minutes():
    steady = simulated_session(np.random.default_rng(1), 16, None)

    found = {model.name: examples(model, steady) for model in (ENGAGEMENT, FOCUS)}

    assert [e.cut_ms for e in found[ENGAGEMENT.name]] == [m * 60_000 for m in (2, 4, 6, 8, 10, 12)]
    assert all(e.label for e in found[ENGAGEMENT.name] + found[FOCUS.name])


def test_minutes_after_a_learner_drifts_away_are_labelled_disengaged():
    fading = simulated_session(np.random.default_rng(2), 16, 5.0)

    labels = [e.label for e in examples(ENGAGEMENT, fading)]

    assert labels[0] and not all(labels)


def test_default_weights_predict_a_steady_session_more_engaged_than_a_drifting_one_with_no_confidence():
    steady = predict_session(ENGAGEMENT, None, simulated_session(np.random.default_rng(3), 8, None))
    drifting = predict_session(ENGAGEMENT, None, simulated_session(np.random.default_rng(3), 8, 2.0))

    assert steady.probability > 0.8 > drifting.probability
    assert (steady.confidence, steady.training_examples) == (0.0, 0)


def test_too_few_examples_keep_the_default_weights():
    assert fit_session_model(ENGAGEMENT, examples(ENGAGEMENT, sessions(1, 4)[0])) is None


@pytest.mark.parametrize("model", [ENGAGEMENT, FOCUS], ids=lambda model: model.name)
def test_weights_fitted_on_recorded_sessions_are_calibrated_on_new_ones_within_ten_points(model):
    training = [e for session in sessions(40, 5) for e in examples(model, session)]
    fitted = fit_session_model(model, training)
    held_out = [e for session in sessions(40, 6) for e in examples(model, session)]

    error = calibration_error([fitted.probability(e.features) for e in held_out], [e.label for e in held_out])

    assert len(training) >= MIN_EXAMPLES_TO_FIT
    assert error < 0.1


def test_the_time_of_day_is_a_feature_that_wraps_around_midnight():
    def time_features(start_minute):
        session = Session(96, 60_000, (Answer(1_000, True, 2_000),), local_start_minute=start_minute)
        return ENGAGEMENT.features(session)[-2:]

    just_before, just_after, noon = time_features(23 * 60 + 58), time_features(0), time_features(12 * 60 - 1)

    assert np.linalg.norm(just_before - just_after) < 0.02
    assert np.linalg.norm(noon - just_after) > 1.9
    assert list(time_features(None)) == [0.0, 0.0]


def test_a_prefix_keeps_the_local_start_time():
    session = Session(96, 60_000, (Answer(1_000, True, 2_000),), local_start_minute=17 * 60)

    assert session_prefix(session, 30_000).local_start_minute == 17 * 60
