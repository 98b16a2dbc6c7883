"""Sounds held too long ("sssun", "mmmilk", "fffish"): stretches where the spectrum stops changing while sound goes on.

Running speech changes its spectrum every few tens of milliseconds, one phone into the next; a held fricative,
nasal or vowel keeps the same spectrum for as long as it is held. Found from the recording alone, so it needs no
words and does not depend on what the recogniser heard.
"""

import numpy as np

from brain.speech.audio import Clip
from brain.speech.spectra import FRAME_MS, distance_db, frame_levels_db, frication_db, mel_spectrum

# Longer than the longest normal segments (phrase-final vowels of children reach about 300 ms) and shorter than
# the mean stuttering moment of school-age children who stutter, about 750 ms (Zebrowski 1994, JSHR 37(2)).
PROLONGATION_MIN_MS = 400
# Spectra 30 ms apart, each averaged over 30 ms, differ by less than this while one sound is held; between
# neighbouring phones they differ by 10-20 dB.
_STABLE_DB = 5.0
_LAG_FRAMES = 3
_SMOOTH_FRAMES = 3
# A held sound is said with speaking effort: within 25 dB of the loudest speech (robust peak: 99th percentile of
# frame levels). Steady background noise between words is further down and is left out.
_BELOW_PEAK_DB = 25.0
_PEAK_PERCENTILE = 99
# Weak fricatives (/f/, /th/) are 24-29 dB below the loudest speech as espeak-ng says them, and 3-24 dB below the
# loudest frication of the same recording (/s/, /sh/): they are measured against that instead. Breath and hiss
# can be as loud, so a sound held at that level must run into speech at speaking level within 30 ms, as a word's
# first sound does (a breath out after the last word runs out of it instead).
_BELOW_FRICATION_PEAK_DB = 30.0
# Frication: bands above 2.5 kHz at most 5 dB under those below 1 kHz (held /f/ measures -0.2 to 6 dB frame by
# frame; vowels and nasals -9 to -15).
_FRICATION_MIN_DB = -5.0
_RUNS_INTO_FRAMES = 3


def held_sounds(clip: Clip) -> list[tuple[int, int]]:
    """Start and end in milliseconds of each stretch of one sound held PROLONGATION_MIN_MS or longer."""
    spectrum = mel_spectrum(clip)
    if len(spectrum) <= _LAG_FRAMES + _SMOOTH_FRAMES:
        return []
    kernel = np.ones(_SMOOTH_FRAMES) / _SMOOTH_FRAMES
    smooth = np.apply_along_axis(np.convolve, 0, spectrum, kernel, mode="same")
    change = np.full(len(smooth), np.inf)
    change[_LAG_FRAMES:] = distance_db(smooth[_LAG_FRAMES:], smooth[:-_LAG_FRAMES])
    levels = frame_levels_db(clip)[: len(change)]
    speaking = levels >= np.percentile(levels, _PEAK_PERCENTILE) - _BELOW_PEAK_DB
    fricative = _audible_frication(frication_db(spectrum)[: len(levels)], levels)
    held = (change[: len(levels)] < _STABLE_DB) & (speaking | fricative)
    edges = np.flatnonzero(np.diff(np.concatenate(([0], held.astype(int), [0]))))
    # a stable frame compares with the one _LAG_FRAMES earlier: the held sound began that much before the run
    runs = [(start - _LAG_FRAMES, end) for start, end in zip(edges[::2], edges[1::2], strict=True)]
    return [
        (start * FRAME_MS, end * FRAME_MS)
        for start, end in runs
        if (end - start) * FRAME_MS >= PROLONGATION_MIN_MS
        and (speaking[max(0, start) : end].all() or speaking[end : end + _RUNS_INTO_FRAMES].any())
    ]


def _audible_frication(frication: np.ndarray, levels: np.ndarray) -> np.ndarray:
    fricative = frication > _FRICATION_MIN_DB
    if not fricative.any():
        return fricative
    return fricative & (levels >= np.percentile(levels[fricative], _PEAK_PERCENTILE) - _BELOW_FRICATION_PEAK_DB)
