"""Syllables said again straight after themselves ("the the dog", "I, I, I want") and words restarted ("d- d- dog"),
found in the sound alone.

Open dictation's language model tends to hear a repeated word once, or as other words ("the the" as "but ah"), and
never hears a restart on its own, so the recording is cut into syllable-like stretches at the dips of its loudness
and each stretch is compared with the next one (across a short pause) by the warped spectral distance of
repetitions. Stretches that sound alike in a row are one whole-word repetition: a one-syllable word, the kind counted
as stuttering-like. A stretch much shorter than the next one that sounds like as much of its start is a restart of
that word, and the stretches said again just before it are restarts too.
"""

from dataclasses import dataclass

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
# A restart is at most this share of the stretch after it: espeak-ng's restarts (the first 150 ms of "ball" or "dog"
# cut from a saying at another pace, "duh" before "dog") measure 0.38-0.50 of the word's stretch; a one-syllable word
# said again 0.69 and up of its next saying, but 0.55 when that one is drawn out at the end of a phrase (the child-like
# voice's "the dog said no no no"; said at 180 words per minute, 0.50, and taken for restarts). A restart of a short
# word can sound as alike to the whole word as a saying again does (the warping stretches it over the word), so only
# its length tells them apart.
_RESTART_MAX_SHARE = 0.5
# Warped distance of a restart to as much of the start of the stretch after it: those restarts measure 0.5-1.4 dB
# when cut from the word, 2.6-3.2 for "duh" before "dog"; in fluent speech a stretch at most half the next one
# measures 4.7 and up against its start (espeak-ng's fluent passages, both voices, 80-150 words per minute), 5.9 and
# up in the real recordings, and a word said again against the start of the word after it 6.7 and up. A restart
# whose schwa is far from the word's vowel ("buh" before "ball": 5.5-7.2) is not found.
_RESTART_ALIKE_MAX_DB = 4.0

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Run:
    """Stretches said again in a row (start, end in ms); with word, they are restarts of the stretch word."""

    sayings: list[Span]
    word: Span | None = None


def said_again(clip: Clip, speech: np.ndarray) -> list[Run]:
    """Each run of a syllable said again, or of restarts with the word restarted; speech marks the 10 ms frames loud
    enough to be speech."""
    syllables = [s for s in _syllables(clip, speech) if s[1] - s[0] >= _SYLLABLE_MIN_MS]
    runs: list[Run] = []
    for before, after in zip(syllables, syllables[1:], strict=False):
        if after[0] - before[1] > _MAX_PAUSE_MS:
            continue
        restart = _restarts(clip, before, after)
        if not restart and distance_db(clip, before, after) > _ALIKE_MAX_DB:
            continue
        if not runs or runs[-1].word is not None or runs[-1].sayings[-1] != before:
            runs.append(Run([before]))
        if restart:
            runs[-1] = Run(runs[-1].sayings, after)
        else:
            runs[-1].sayings.append(after)
    return runs


def _restarts(clip: Clip, before: Span, after: Span) -> bool:
    """Whether before is a restart of after: much shorter, and sounding like as much of its start."""
    length = before[1] - before[0]
    return length <= _RESTART_MAX_SHARE * (after[1] - after[0]) and (
        distance_db(clip, before, (after[0], after[0] + length)) <= _RESTART_ALIKE_MAX_DB
    )


def _syllables(clip: Clip, speech: np.ndarray) -> list[Span]:
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
