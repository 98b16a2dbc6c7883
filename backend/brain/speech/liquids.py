"""How an /l/ at the start of a word was said, where the recogniser's adult model cannot tell: as [w] (gliding), by
its second formant, or left out of a /bl/ cluster (cluster reduction), by how long the word takes to reach its vowel.

[w] is made with rounded lips and a raised back tongue, so its F2 is low and rises into the vowel; /l/'s tongue tip
contact keeps F2 near 1-1.7 kHz, close to the vowel's own (Espy-Wilson 1992). In /bl/ the lateral is a quieter
sonorant between the release and the vowel; without it the release runs straight into the vowel.

Formants come from Praat's Burg tracker (parselmouth) on the onset alone, from just before the consonant to the
middle of the vowel after it: a few hundred milliseconds, not the whole recording.
"""

import numpy as np
import parselmouth

from brain.speech import cues
from brain.speech.audio import ANALYSIS_RATE_HZ, Clip
from brain.speech.obstruents import Position

# Praat's ceiling for a woman's voice, used for both voices of the set. Real children's shorter vocal tracts may want
# a higher one (Praat suggests up to 8 kHz for young children).
CEILING_HZ = 5500.0
_WINDOW_S = 0.025
_STEP_S = cues.STEP_MS / 1000
# The aligned span of a recording's first consonant may start up to this long after the sound does (obstruents.py).
# Inside a sentence the stretch starts where the word is aligned: before it lies the word before, whose own sounds
# (the dark /l/ of "little" before "lamb") would read as the onset.
_ALIGNED_LATE_MS = 30
# Frames quieter than this against the word's loudest frame are a burst, a closure or background, whose formants
# the tracker makes up.
_SPEAKING_DB = -25.0

# Onset F2 on the evaluation set, both voices: [w] for /l/ 460-859 Hz, rising into the vowel (0.24-0.73 of the
# vowel's F2); /l/ said right 1382-1722 Hz before front vowels ("leg", "lip", "the leg"), and 983-1496 Hz but nearly
# level (0.86-1.00 of the vowel's F2) before back ones and /aI/ ("look", "lock", "lion"). [w] needs both: a low F2
# and a rise. (/r/ is not judged: its F2 is low and rising too, from 998 Hz at 0.59 of the vowel's in "red" said
# right, against 566-897 Hz for [w]; its low F3 would tell them apart, and the recogniser already does.)
GLIDE_MAX_HZ = 1100.0
GLIDE_MAX_OF_VOWEL = 0.85
# From a recording's first sound to its vowel (cues.onset_to_vowel_ms), /bl/ said right: 25-60 ms ("blue", "black");
# [b] alone: 0-20 ms. (/gl/ is not judged: espeak-ng voices /g/ 30-40 ms before its release, as long as a lateral.)
CLUSTER_LATERAL_MIN_MS = 23


def produced(
    clip: Clip,
    s: cues.Spectra,
    position: Position,
    before: str | None,
    word_start_ms: int,
    vowel_middle_ms: int,
    loudest_db: float,
) -> str | None:
    """What an /l/ before a vowel whose middle is at vowel_middle_ms was said as ("W", "L", or "" for left out), in a
    word starting at word_start_ms, the /l/ its first sound (before is None) or after the consonant before; None where
    the cues cannot tell."""
    sound_start_ms = word_start_ms
    if position is Position.UTTERANCE_INITIAL:
        sound_start_ms = max(0, word_start_ms - _ALIGNED_LATE_MS)
    if before == "B" and position is Position.UTTERANCE_INITIAL:
        lead_ms = cues.onset_to_vowel_ms(s, sound_start_ms, loudest_db)
        return "L" if lead_ms >= CLUSTER_LATERAL_MIN_MS else ""
    if before is not None:
        return None
    lowest_hz, vowel_hz = onset_f2_hz(clip, s, sound_start_ms, vowel_middle_ms, loudest_db)
    if not (np.isfinite(lowest_hz) and np.isfinite(vowel_hz)):
        return None
    return "W" if lowest_hz < GLIDE_MAX_HZ and lowest_hz < GLIDE_MAX_OF_VOWEL * vowel_hz else "L"


def onset_f2_hz(
    clip: Clip, s: cues.Spectra, start_ms: int, vowel_middle_ms: int, loudest_db: float
) -> tuple[float, float]:
    """The lowest F2 at speaking level from start_ms, where the consonant starts, to the vowel's middle, and F2 at
    that middle (nan where none is tracked)."""
    begin_ms = start_ms
    end_ms = vowel_middle_ms + round(2000 * _WINDOW_S)  # Praat's Gaussian window spans twice the length given
    samples = clip.samples[begin_ms * ANALYSIS_RATE_HZ // 1000 : end_ms * ANALYSIS_RATE_HZ // 1000]
    if len(samples) < 2 * _WINDOW_S * ANALYSIS_RATE_HZ:
        return np.nan, np.nan
    sound = parselmouth.Sound(samples.astype(np.float64), sampling_frequency=ANALYSIS_RATE_HZ)
    formant = sound.to_formant_burg(_STEP_S, 5, CEILING_HZ, _WINDOW_S, 50.0)
    times_s = formant.xs()
    f2 = np.array([formant.get_value_at_time(2, t) for t in times_s])
    frames = np.minimum(len(s.level_db) - 1, (begin_ms + 1000 * times_s).astype(int) // cues.STEP_MS)
    speaking = (s.level_db[frames] > loudest_db + _SPEAKING_DB) & np.isfinite(f2)
    lowest_hz = float(f2[speaking].min()) if speaking.any() else np.nan
    return lowest_hz, formant.get_value_at_time(2, (vowel_middle_ms - begin_ms) / 1000)
