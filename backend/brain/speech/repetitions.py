"""Whether two stretches of a recording sound alike: the check that a word heard twice was said twice, or that a
word heard restarted was.

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
# children repeating words are at hand), and on the recogniser's word spans too close to different words to find
# repetitions it missed: it only rules out ones it made up (said_again finds missed ones, on syllables cut at dips of
# loudness).
_ALIKE_MAX_DB = 4.0
# A restart ("buh" before "ball") against as much of the start of the word: 2.1-6.2 dB for restarts made with
# espeak-ng and said straight before the word (its schwa is not the word's vowel), 7.5-8.5 dB across a 400 ms
# pause (the recogniser places the restart worse there), 8.8-11.7 dB for the restarts the recogniser makes up in
# fluent passages ("came__start came"). Enough to rule out made-up ones, no finer.
_RESTART_ALIKE_MAX_DB = 7.5
_MIN_FRAMES = 3


def sound_alike(clip: Clip, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether the stretches (start, end in ms) hold the same sounds."""
    return distance_db(clip, first, second) <= _ALIKE_MAX_DB


def restarts_alike(clip: Clip, restart: tuple[int, int], word_start_ms: int) -> bool:
    """Whether a restart (start, end in ms) sounds like the start of the word said after it."""
    start, end = restart
    return distance_db(clip, restart, (word_start_ms, word_start_ms + end - start)) <= _RESTART_ALIKE_MAX_DB


def distance_db(clip: Clip, first: tuple[int, int], second: tuple[int, int]) -> float:
    a, b = (mel_spectrum(clip.between(start, end)) for start, end in (first, second))
    if len(a) < _MIN_FRAMES or len(b) < _MIN_FRAMES:
        return np.inf
    mean = np.concatenate([a, b]).mean(axis=0)
    return _warped_distance(a - mean, b - mean)


def _warped_distance(a: np.ndarray, b: np.ndarray) -> float:
    """Dynamic time warping: the cheapest monotonic path through the frame distances, per step. Row by row, a
    row's sideways steps are a running minimum: total[i, j] = sum(cost[i, :j+1]) + min over k <= j of
    (entered[k] - sum(cost[i, :k+1])), where entered[k] is the cheapest way into cell k from the row above."""
    cost = np.sqrt(np.mean((a[:, None, :] - b[None, :, :]) ** 2, axis=-1))
    above = np.concatenate(([0.0], np.full(len(b), np.inf)))
    for row in cost:
        entered = row + np.minimum(above[1:], above[:-1])
        sums = np.cumsum(row)
        above = np.concatenate(([np.inf], sums + np.minimum.accumulate(entered - sums)))
    return float(above[-1] / (len(a) + len(b)))
