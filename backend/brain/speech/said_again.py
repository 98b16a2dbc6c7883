"""Syllables said again straight after themselves ("the the dog", "I, I, I want") and words restarted ("d- d- dog"),
found in the sound alone.

Open dictation's language model tends to hear a repeated word once, or as other words ("the the" as "but ah"), and
never hears a restart on its own, so the recording is cut into syllable-like stretches at the dips of its loudness
and each stretch is compared with the next one (across a short pause) by the warped spectral distance of
repetitions. Stretches that sound alike in a row are one whole-word repetition: a one-syllable word, the kind counted
as stuttering-like. A stretch much shorter than the next one that sounds like as much of its start is a restart of
that word, and the stretches said again just before it are restarts too; so is a syllable already said again that
is much shorter than the next stretch and starts as it does ("kuh kuh cat").
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
# voice's "the dog said no no no"; said at 180 words per minute, 0.50). A restart of a short word can sound as alike
# to the whole word as a saying again does (the warping stretches it over the word: 2.0-2.5 dB for "do-" before
# "dog"), so only its length tells them apart; but a syllable said again already is one more saying when it sounds
# that alike to the next stretch (the drawn-out "no" 1.9 dB, restarts said twice 3.7 dB and up against their word).
_RESTART_MAX_SHARE = 0.5
# Warped distance of a restart to as much of the start of the stretch after it: those restarts measure 0.5-1.4 dB
# when cut from the word, 2.6-3.2 for "duh" before "dog"; in fluent speech a stretch at most half the next one
# measures 4.7 and up against its start (espeak-ng's fluent passages, both voices, 80-150 words per minute), 5.9 and
# up in the real recordings, and a word said again against the start of the word after it 6.7 and up. A restart
# whose schwa is far from the word's vowel ("buh" before "ball": 5.5-7.2) is not found that way alone.
_RESTART_ALIKE_MAX_DB = 4.0
# Fluent speech can come as close: espeak-ng's adult voice reading the 113-word passage (bench/speech.py) at 100-160
# words per minute has one stretch at 3.83 against the next (after "traveler", at 100) and others at 4.08-4.19. Those
# start otherwise than the next stretch (first 50 ms 4.2-4.6 dB apart), where the restarts that close start as their
# word does ("kuh" before "cat": 3.83, first 50 ms 0.9 dB). So a restart further than this from the word's start must
# also start as it does (_ONSET_ALIKE_MAX_DB); the restarts nearer measure 0.6-1.8 dB cut from the word and 2.8-3.3
# for "duh" before "dog" (their first 50 ms up to 6.5 dB apart).
_RESTART_SURE_MAX_DB = 3.5
# A syllable already said again in a row is a restart of the next stretch when, short enough, it starts as that
# stretch does: the first 50 ms of espeak-ng's "kuh" and "puh" against "cat", "cake" and "pig" measure 0.7-1.5 dB,
# where the rest of its schwa is too far from the word's vowel for the restart above. Such a run only ever
# changes from a whole-word repetition to restarts (no new run is found): whole-word repetitions are 0.74 and more of
# the stretch after them, and their first 50 ms measure 3.6 dB and up against its first 50 ms. Such a restart may be a
# little longer than a restart alone: "puh puh pig" said at 100 words per minute measures 0.51-0.53 of "pig".
_SAID_AGAIN_RESTART_MAX_SHARE = 0.6
_ONSET_MS = 50
_ONSET_ALIKE_MAX_DB = 2.0
# A restart of a word starting with a voiceless stop ("ca- cat") said straight after a vowel has no closure: the
# loudness dip falls after the stop's release, and what is left of it (110 ms of a 150 ms restart) is shorter than a
# syllable. Such a fragment is compared, not joined, when it sounds like the start of the word after it, or like all
# of a second restart before that word: those fragments measure 1.3-1.8 dB; fragments of fluent speech at most half
# the next syllable 3.9 and up against its start, and 2.6 and up against all of it (espeak-ng's fluent sentences, both
# voices, 80-180 words per minute, and the real recordings: 103 clips).
_CUT_RESTART_MIN_MS = 100
_CUT_RESTART_ALIKE_MAX_DB = 2.0

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Run:
    """Stretches said again in a row (start, end in ms); with word, they are restarts of the stretch word."""

    sayings: list[Span]
    word: Span | None = None


def said_again(clip: Clip, speech: np.ndarray) -> list[Run]:
    """Each run of a syllable said again, or of restarts with the word restarted; speech marks the 10 ms frames loud
    enough to be speech."""
    syllables = _syllables(clip, speech)
    runs: list[Run] = []
    for before, after in zip(syllables, syllables[1:], strict=False):
        if after[0] - before[1] > _MAX_PAUSE_MS:
            continue
        again = bool(runs) and runs[-1].word is None and runs[-1].sayings[-1] == before
        alike = distance_db(clip, before, after) <= _ALIKE_MAX_DB
        # a syllable said again and again is one more saying when it sounds like all of the next stretch, however
        # drawn out that is ("no no no" at the end of a phrase)
        restart = not (again and alike) and (
            _restarts(clip, before, after) or (again and _starts_as(clip, before, after))
        )
        if not restart and not alike:
            continue
        if not runs or runs[-1].word is not None or runs[-1].sayings[-1] != before:
            runs.append(Run([before]))
        if restart:
            runs[-1] = Run(runs[-1].sayings, after)
        else:
            runs[-1].sayings.append(after)
    return runs


def _restarts(clip: Clip, before: Span, after: Span) -> bool:
    """Whether before is a restart of after: much shorter, and sounding like as much of its start (when only
    nearly, starting as it does)."""
    length = before[1] - before[0]
    if length > _RESTART_MAX_SHARE * (after[1] - after[0]):
        return False
    alike = distance_db(clip, before, (after[0], after[0] + length))
    return alike <= _RESTART_SURE_MAX_DB or (alike <= _RESTART_ALIKE_MAX_DB and _starts_as(clip, before, after))


def _starts_as(clip: Clip, before: Span, after: Span) -> bool:
    """Whether before is much shorter than after and its first sound is after's."""
    onset = (before[0], before[0] + _ONSET_MS), (after[0], after[0] + _ONSET_MS)
    return before[1] - before[0] <= _SAID_AGAIN_RESTART_MAX_SHARE * (after[1] - after[0]) and (
        distance_db(clip, *onset) <= _ONSET_ALIKE_MAX_DB
    )


def _syllables(clip: Clip, speech: np.ndarray) -> list[Span]:
    """Stretches of speech between silences and loudness dips, long enough to compare: fragments are joined to the
    nearer neighbour, unless they are restarts cut short (see _CUT_RESTART_MIN_MS)."""
    levels = np.convolve(frame_levels_db(clip)[: len(speech)], np.ones(3) / 3, mode="same")
    edges = np.flatnonzero(np.diff(np.concatenate(([0], speech.astype(int), [0]))))
    stretches: list[Span] = []
    for start, end in zip(edges[::2], edges[1::2], strict=True):
        dips, _ = find_peaks(-levels[start:end], prominence=_DIP_DB)
        cuts = [start, *(start + dips), end]
        stretches += [(int(a) * FRAME_MS, int(b) * FRAME_MS) for a, b in zip(cuts, cuts[1:], strict=False)]
    syllables = _joined_fragments(stretches, set())
    cut = {
        n
        for n, (start, end) in enumerate(stretches)
        if end - start < _SYLLABLE_MIN_MS and _cut_restart(clip, (start, end), [s for s in syllables if s[0] >= end])
    }
    kept = {stretches[n][0] for n in cut}
    return [s for s in _joined_fragments(stretches, cut) if s[1] - s[0] >= _SYLLABLE_MIN_MS or s[0] in kept]


def _joined_fragments(stretches: list[Span], kept: set[int]) -> list[Span]:
    """Each stretch shorter than a syllable, but those numbered in kept, joined to the nearer neighbour within
    _FRAGMENT_GAP_MS of it."""
    joined: list[Span] = []
    carried = None  # where a fragment joined to the stretch after it starts
    for n, (start, end) in enumerate(stretches):
        start, carried = carried if carried is not None else start, None
        gap_before = start - joined[-1][1] if joined else np.inf
        gap_after = stretches[n + 1][0] - end if n + 1 < len(stretches) else np.inf
        if end - start >= _SYLLABLE_MIN_MS or min(gap_before, gap_after) > _FRAGMENT_GAP_MS or n in kept:
            joined.append((start, end))
        elif gap_before <= gap_after:
            joined[-1] = (joined[-1][0], end)
        else:
            carried = start
    return joined


def _cut_restart(clip: Clip, fragment: Span, after: list[Span]) -> bool:
    """Whether a fragment is a restart whose stop's release fell before the loudness dip: long enough, within a pause
    of the syllable after it, and sounding like the start of that word or like the whole of another saying of the
    restart ("ca- ca- cat")."""
    length = fragment[1] - fragment[0]
    if length < _CUT_RESTART_MIN_MS or not after or after[0][0] - fragment[1] > _MAX_PAUSE_MS:
        return False
    word = after[0]
    if length <= _RESTART_MAX_SHARE * (word[1] - word[0]):
        return distance_db(clip, fragment, (word[0], word[0] + length)) <= _CUT_RESTART_ALIKE_MAX_DB
    return (
        len(after) > 1
        and after[1][0] - after[0][1] <= _MAX_PAUSE_MS
        and distance_db(clip, fragment, after[0]) <= _CUT_RESTART_ALIKE_MAX_DB
        and _restarts(clip, after[0], after[1])
    )
