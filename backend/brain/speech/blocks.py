"""Blocks: a word stopped silently part-way and then resumed ("ta ... ble").

A silence inside a word is told from a pause between two words in two ways: the later word had already begun when
the sound stopped (with the silence cut out, a forced alignment of the two words around it starts the later word
well before the cut), and the sound broke off at speaking strength instead of fading out as a phrase does.
A silent block before a word's first sound leaves neither trace: it is found only when the word was restarted
before it ("b- ... ball", see fluency), and otherwise reads as a pause. The onset after the silence does not tell
them apart either: espeak-ng's word onsets rise within 10 ms whether the silence was put before the word or 20-40 ms
into its first sound (1-3 dB apart in the first frames).
"""

import numpy as np

from brain.speech import recognizer
from brain.speech.audio import Clip
from brain.speech.spectra import FRAME_MS, frame_levels_db

# The pause threshold: longer than normal stop closures inside words (up to about 150-200 ms in children), and
# twice the 126 ms at which listeners start to hear a gap as disfluent (Warner et al. 2022, J Fluency Disord 71).
BLOCK_MIN_MS = 250
# The later word started at least this long before the cut: more than one phone, so more than the aligner's slop.
_STARTED_BEFORE_MS = 80
# The last 30 ms before the silence stayed within 10 dB of the loudest speech (99th percentile of frame levels):
# espeak-ng's words cut 80-150 ms in ("table", "ball", "cookie", both voices) measure 2.0-8.6 dB under it; fluent
# pauses of its passages read at 100-160 words per minute 11.2 dB and more (a final nasal, "disputing" in the
# child-like voice: 14.3, where the aligner started the next word 90 ms before the cut), jfk.wav's 21 and more (one
# with the next word started 110 ms before it: neither cue is enough alone).
_BROKE_OFF_MS = 30
_BROKE_OFF_DB = 10.0
_PEAK_PERCENTILE = 99


def is_block(clip: Clip, silence: tuple[int, int], before: tuple[str, int], after: tuple[str, int]) -> bool:
    """Whether silence (start, end in ms) interrupts the word after it; before and after are the neighbouring
    words as (text, start ms) and (text, end ms)."""
    start, end = silence
    if end - start < BLOCK_MIN_MS or not _broke_off(clip, start):
        return False
    (first, first_start), (second, second_end) = before, after
    spliced = Clip(np.concatenate([clip.between(first_start, start).samples, clip.between(end, second_end).samples]))
    aligned = recognizer.align_words(spliced, [first, second])
    cut = start - first_start
    return len(aligned) == 2 and aligned[1].start_ms <= cut - _STARTED_BEFORE_MS


def _broke_off(clip: Clip, start_ms: int) -> bool:
    levels = frame_levels_db(clip)
    last = levels[max(0, start_ms // FRAME_MS - _BROKE_OFF_MS // FRAME_MS) : start_ms // FRAME_MS]
    return len(last) > 0 and float(last.mean()) >= np.percentile(levels, _PEAK_PERCENTILE) - _BROKE_OFF_DB
