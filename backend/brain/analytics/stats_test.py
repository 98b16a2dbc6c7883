import pytest

from brain.analytics.stats import covered_ms, median_absolute_deviation, merge, relative_spread


@pytest.mark.parametrize(
    ("intervals", "union"),
    [
        ([], []),
        ([(0, 5)], [(0, 5)]),
        ([(0, 5), (10, 15)], [(0, 5), (10, 15)]),
        ([(0, 5), (3, 8)], [(0, 8)]),
        ([(0, 10), (2, 4), (6, 8)], [(0, 10)]),
        ([(0, 5), (5, 7)], [(0, 7)]),
    ],
    ids=["none", "one", "apart", "overlapping", "nested", "touching"],
)
def test_merge_gives_the_union_of_intervals_in_time_order(intervals, union):
    assert merge(intervals) == union


def test_covered_time_is_the_total_length_of_disjoint_intervals():
    assert covered_ms([(0, 5), (10, 25)]) == 20


def test_the_mad_is_scaled_to_match_a_standard_deviation():
    assert median_absolute_deviation([1, 2, 3, 4, 100], 3) == pytest.approx(1.4826)


def test_relative_spread_does_not_depend_on_the_scale_of_the_values():
    assert relative_spread([1_000, 2_000, 3_000]) == pytest.approx(relative_spread([1, 2, 3]))
    assert relative_spread([1, 2, 3]) == pytest.approx(1.4826 / 2)


def test_identical_values_have_no_spread():
    assert relative_spread([2_000, 2_000, 2_000]) == 0
