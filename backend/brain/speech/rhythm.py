"""Speech rhythm from the durations of successive vocalic intervals."""

from collections.abc import Sequence
from enum import Enum


class RhythmBasis(Enum):
    """What the vocalic intervals were measured on."""

    VOWELS = "vowels"  # the vowels of a forced phone alignment of the words said
    VOICED_STRETCHES = "voiced stretches"  # no words known: stretches of voicing stand in for vowels


def npvi(durations: Sequence[float]) -> float:
    """Normalised pairwise variability index (Grabe & Low 2002); 0 for fewer than two intervals."""
    if len(durations) < 2:
        return 0.0
    pairs = zip(durations, durations[1:], strict=False)
    return 100 * sum(abs(a - b) / ((a + b) / 2) for a, b in pairs) / (len(durations) - 1)


def vocalic_intervals(vowels: Sequence[tuple[int, int]]) -> list[float]:
    """Durations in seconds of vocalic intervals: vowel spans (start, end in ms, in time order), touching ones
    (a vowel followed by a vowel, across a word boundary too) joined into one interval."""
    intervals: list[list[int]] = []
    for start, end in vowels:
        if intervals and start <= intervals[-1][1]:
            intervals[-1][1] = max(intervals[-1][1], end)
        else:
            intervals.append([start, end])
    return [(end - start) / 1000 for start, end in intervals if end > start]
