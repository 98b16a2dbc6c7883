"""Syllables said again straight after themselves ("the the dog", "I, I, I want"), found in the sound alone.

Open dictation's language model tends to hear a repeated word once, or as other words ("the the" as "but ah"), so
the recording is cut into syllable-like stretches at the dips of its loudness and each stretch is compared with the
next one (across a short pause) by the warped spectral distance of repetitions. Stretches that
sound alike in a row are one whole-word repetition: a one-syllable word, the kind counted as stuttering-like.
"""

import numpy as np
from scipy.signal import find_peaks

from brain.speech.audio import Clip
from brain.speech.repetitions import distance_db
from brain.speech.spectra import FRAME_MS, frame_levels_db

# A dip in loudness this deep against the syllables either side ends a syllable (espeak-ng's repeated "I I I" dips
# 6-10 dB between sayings).
_DIP_DB = 4.0
# A stretch shorter than this is a fragment of a syllable (a stop's burst after its closure, a vowel cut off by a
# quiet consonant) and joins the nearer neighbour; one that stays shorter is not compared. espeak-ng's child-like
# voice says a slow "is it" as two stretches of the same vowel, 140 and 170 ms long and 2.4 dB apart; the shortest
# sayings of a repeated word measure 150 ms (with 160 here, one of the 32 repetitions measured is lost).
_SYLLABLE_MIN_MS = 150
# A fragment further than this from both neighbours (a stop's closure is shorter) stays on its own.
_FRAGMENT_GAP_MS = 150
# Sayings further apart than this are said anew, not repeated; chosen, not measured (the evaluation's pauses are
# 250 ms; the pause threshold is 250 ms too).
_MAX_PAUSE_MS = 600
# Warped distance of neighbouring syllables: espeak-ng's one-syllable words said again at another pace ("I", "the",
# "cat", "big"; twice and three times, with and without a 250 ms pause, both voices) measure 0.5-2.1 dB;
# neighbouring syllables of fluent speech 3.8 dB and up (jfk.wav; espeak-ng's fluent passages in both voices at
# 80-150 words per minute 4.6 and up). Between the two, with room for a person saying a word less alike than a
# synthesiser does.
_ALIKE_MAX_DB = 3.0


def said_again(clip: Clip, speech: np.ndarray) -> list[list[tuple[int, int]]]:
    """Each run of a syllable said again, as the sayings' spans (start, end in ms); speech marks the 10 ms frames
    loud enough to be speech."""
    syllables = [s for s in _syllables(clip, speech) if s[1] - s[0] >= _SYLLABLE_MIN_MS]
    runs: list[list[tuple[int, int]]] = []
    for before, after in zip(syllables, syllables[1:], strict=False):
        if after[0] - before[1] > _MAX_PAUSE_MS or distance_db(clip, before, after) > _ALIKE_MAX_DB:
            continue
        if runs and runs[-1][-1] == before:
            runs[-1].append(after)
        else:
            runs.append([before, after])
    return runs


def _syllables(clip: Clip, speech: np.ndarray) -> list[tuple[int, int]]:
    """Stretches of speech between silences and loudness dips, fragments joined to the nearer neighbour."""
    levels = np.convolve(frame_levels_db(clip)[: len(speech)], np.ones(3) / 3, mode="same")
    edges = np.flatnonzero(np.diff(np.concatenate(([0], speech.astype(int), [0]))))
    stretches = []
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        dips, _ = find_peaks(-levels[start:end], prominence=_DIP_DB)
        cuts = [start, *(start + dips), end]
        stretches += [[int(a) * FRAME_MS, int(b) * FRAME_MS] for a, b in zip(cuts, cuts[1:], strict=False)]
    return [tuple(s) for s in _joined_fragments(stretches)]


def _joined_fragments(stretches: list[list[int]]) -> list[list[int]]:
    """Each stretch shorter than a syllable joined to the nearer neighbour within _FRAGMENT_GAP_MS of it."""
    joined: list[list[int]] = []
    for n, stretch in enumerate(stretches):
        gap_before = stretch[0] - joined[-1][1] if joined else np.inf
        gap_after = stretches[n + 1][0] - stretch[1] if n + 1 < len(stretches) else np.inf
        if stretch[1] - stretch[0] >= _SYLLABLE_MIN_MS or min(gap_before, gap_after) > _FRAGMENT_GAP_MS:
            joined.append(stretch)
        elif gap_before <= gap_after:
            joined[-1][1] = stretch[1]
        else:
            stretches[n + 1][0] = stretch[0]
    return joined
