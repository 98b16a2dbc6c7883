import pytest

from brain.speech.norms import ATYPICAL, age_appropriate, typical_by_months
from brain.speech.processes import BACKING, CLUSTER_REDUCTION, GLIDING, INTERDENTAL_LISP, STOPPING, VELAR_FRONTING


@pytest.mark.parametrize(
    ("process", "phoneme", "cluster", "months"),
    [
        (GLIDING, "R", (), 72),  # process gone by 6;0, /r/ acquired at 66.6 months
        (VELAR_FRONTING, "K", (), 42),
        (STOPPING, "TH", (), 77),  # /th/ is acquired last, at 77.0 months
        (STOPPING, "F", (), 38),
        (CLUSTER_REDUCTION, "S", ("S", "P", "N"), 60),
        (CLUSTER_REDUCTION, "L", ("B", "L", "K"), 54),
        (BACKING, "T", (), ATYPICAL),
        (INTERDENTAL_LISP, "S", (), 51),  # a distortion: typical until the sound is acquired, 51.3 months
        ("", "K", (), 38),  # an unnamed distortion likewise
    ],
)
def test_an_error_is_typical_until_both_the_process_and_the_sound_are_due(process, phoneme, cluster, months):
    assert typical_by_months(process, phoneme, cluster) == months


def test_gliding_is_age_appropriate_at_four_and_not_at_seven():
    typical_by = typical_by_months(GLIDING, "R")

    assert age_appropriate(typical_by, 48)
    assert not age_appropriate(typical_by, 84)


def test_backing_is_never_age_appropriate():
    assert not age_appropriate(typical_by_months(BACKING, "T"), 24)
