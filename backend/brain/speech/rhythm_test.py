import pytest

from brain.speech.rhythm import npvi, vocalic_intervals


@pytest.mark.parametrize(
    ("durations", "expected"),
    [([1, 2, 3], 53.333), ([3, 3, 6], 33.333), ([4, 6, 8], 34.286), ([4, 7, 7], 27.273)],
)
def test_npvi_matches_the_published_test_vectors(durations, expected):
    assert npvi(durations) == pytest.approx(expected, abs=0.001)


def test_npvi_of_equal_durations_is_zero_and_of_one_interval_is_zero():
    assert npvi([0.2, 0.2, 0.2]) == 0.0
    assert npvi([0.2]) == 0.0


def test_vowels_that_touch_make_one_vocalic_interval_and_a_consonant_between_separates_them():
    vowels = [(0, 100), (100, 150), (300, 400)]

    assert vocalic_intervals(vowels) == [0.15, 0.1]
