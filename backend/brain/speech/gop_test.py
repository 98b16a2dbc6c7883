import pytest

from brain.speech.gop import OMISSION_MARGIN_NATS, SUBSTITUTION_MARGIN_NATS, error_form_wins, goodness, poor
from brain.speech.recognizer import ScoredPhone


def test_goodness_is_the_log_likelihood_per_ten_millisecond_frame():
    assert goodness(ScoredPhone("cat", "K", 100, 150, -20.0)) == pytest.approx(-4.0)


def test_an_error_form_needs_the_margin_to_win():
    target = -100.0

    assert not error_form_wins(target + SUBSTITUTION_MARGIN_NATS / 2, target, omission=False)
    assert error_form_wins(target + SUBSTITUTION_MARGIN_NATS + 1, target, omission=False)


def test_an_omission_needs_a_wider_margin_than_a_substitution():
    target = -100.0
    between = target + (SUBSTITUTION_MARGIN_NATS + OMISSION_MARGIN_NATS) / 2

    assert error_form_wins(between, target, omission=False)
    assert not error_form_wins(between, target, omission=True)


def test_only_a_phone_fitting_far_worse_than_consonants_said_right_is_poor():
    assert not poor(-8.0)
    assert poor(-40.0)
