"""Whether two stretches of a recording sound alike: the check that a word heard twice was said twice.

The recogniser's grammars allow any word to repeat and sometimes split one slow word in two ("a a", "the the");
a real repetition says the same sounds again. Compared by dynamic time warping of mel spectra (each band's mean
over the two stretches removed), so a repetition said faster or slower still matches.
"""

import numpy as np

from brain.speech.audio import Clip
from brain.speech.spectra import mel_spectrum

# Mean band difference along the best alignment of the two stretches. Words repeated by espeak-ng measure
# 2.4-3.3 dB; the recogniser's false repetitions 4.7 ("buh" heard as a second "the") to 13 dB; neighbouring
# different words of real adult speech 3.9-8.8 dB. Calibrated on synthetic repetitions only (no recordings of
# children repeating words are at hand), and too close to different words to find repetitions the recogniser
# missed: it only rules out ones it made up.
_ALIKE_MAX_DB = 4.0
_MIN_FRAMES = 3


def sound_alike(clip: Clip, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the stretches (start, end in ms) hold the same sounds."""
    a, b = (mel_spectrum(clip.between(start, end)) for start, end in (first, second))
    if len(a) < _MIN_FRAMES or len(b) < _MIN_FRAMES:
        return False
    mean = np.concatenate([a, b]).mean(axis=0)
    return _warped_distance(a - mean, b - mean) <= _ALIKE_MAX_DB


def _warped_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Dynamic time warping: the cheapest monotonic path through the frame distances, per step."""
    cost = np.sqrt(np.mean((a[:, None, :] - b[None, :, :]) ** 2, axis=-1))
    total = np.full((len(a) + 1, len(b) + 1), np.inf)
    total[0, 0] = 0.0
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            total[i, j] = cost[i - 1, j - 1] + min(total[i - 1, j], total[i, j - 1], total[i - 1, j - 1])
    return float(total[-1, -1] / (len(a) + len(b)))
