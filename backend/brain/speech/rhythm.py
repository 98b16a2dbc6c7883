"""Speech rhythm from the durations of successive vocalic intervals."""

from collections.abc import Sequence


def npvi(durations: Sequence[float]) -> float:
    """Normalised pairwise variability index (Grabe & Low 2002); 0 for fewer than two intervals."""
    if len(durations) < 2:
        return 0.0
    pairs = zip(durations, durations[1:], strict=False)
    return 100 * sum(abs(a - b) / ((a + b) / 2) for a, b in pairs) / (len(durations) - 1)
