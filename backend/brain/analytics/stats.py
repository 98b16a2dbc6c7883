"""Small robust statistics and interval arithmetic shared by the analyses."""

from collections.abc import Iterable, Sequence
from statistics import median

# Scales the median absolute deviation to estimate a standard deviation under normality (Leys et al. 2013).
MAD_TO_SD = 1.4826

Interval = tuple[int, int]


def median_absolute_deviation(values: Sequence[float], centre: float) -> float:
    """The median distance of values from centre, scaled to be comparable with a standard deviation."""
    return MAD_TO_SD * median(abs(value - centre) for value in values)


def relative_spread(values: Sequence[float]) -> float:
    """The scaled MAD over the median: how erratic values are, independent of how large they are."""
    centre = median(values)
    return median_absolute_deviation(values, centre) / centre


def merge(intervals: Iterable[Interval]) -> list[Interval]:
    """The union of half-open intervals sorted by start, as disjoint intervals in time order."""
    merged: list[Interval] = []
    for start, end in intervals:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def covered_ms(merged: Iterable[Interval]) -> int:
    """The total length of disjoint intervals."""
    return sum(end - start for start, end in merged)
