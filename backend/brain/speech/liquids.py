"""How a liquid (/l/ or /r/) at the start of a word was said, where the recogniser's adult model cannot tell: as [w]
(gliding), by its formants, or an /l/ left out of a cluster (cluster reduction), by the lateral's formants or, in /bl/
before a vowel they cannot judge, by how long the word takes to reach its vowel; and whether an /r/ that ends the
recording was said, by the fall of the vowel's F3 into it.

[w] is made with rounded lips and a raised back tongue, so its F2 is low and rises into the vowel; /l/'s tongue tip
contact keeps F2 near 1-1.7 kHz, close to the vowel's own (Espy-Wilson 1992). /r/'s F2 is low and rising too, but its
bunched or retroflex tongue pulls F3 down towards F2, where [w] keeps F3 near the vowel's (Espy-Wilson 1992; Dalston
1975). In a cluster the lateral is a quieter sonorant between the release and the vowel, with a steady low F2, a
high F3 and a low F1 (Stevens 1998); without it the release runs straight into the vowel.

Formants come from Praat's Burg tracker (parselmouth) on the onset alone, from just before the consonant to the
middle of the vowel after it: a few hundred milliseconds, not the whole recording.
"""

from dataclasses import dataclass

import numpy as np
import parselmouth

from brain.speech import cues
from brain.speech.audio import ANALYSIS_RATE_HZ, Clip
from brain.speech.obstruents import Position

LIQUIDS = frozenset({"L", "R"})
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
# and a rise. (/r/'s F2 is low and rising too, from 998 Hz at 0.59 of the vowel's in "red" said right.)
GLIDE_MAX_HZ = 1100.0
GLIDE_MAX_OF_VOWEL = 0.85
# A man's /l/ may be as dark (forever_input_2_16k.wav's "like": F2 near 900 Hz, rising into /aI/). The lateral keeps
# F3 high where [w] lowers it a little: the median F3 over the onset's frames below GLIDE_MAX_HZ against the vowel's
# is 0.870-0.997 for [w] in both voices (the words above alone and "the leg"), 1.016-1.130 for /l/ said right ("look")
# and 1.049 in that real "like".
GLIDE_MAX_F3_OF_VOWEL = 1.02
# Lowest onset F3 against the vowel's on the evaluation set, both voices ("red", "rabbit", "run", "rain", alone and in
# "the red rabbit"): /r/ said right 0.50-0.60 alone (1234-1447 Hz adult, 1912-1959 Hz child-like) and 0.66-0.75 in
# the sentence; [w] 0.86-0.93 (2277-2372 Hz adult, 2864-2968 Hz child-like). Other words said right measure 0.47-0.68
# alone ("right", "room", "rock", "ring", "rope", "rose", "ride") and 0.61-0.75 in sentences ("the rain", "we ran
# home", "my robot", "her red hat"). The voices' F3 differ by 700 Hz, so only the ratio holds for both.
RHOTIC_MAX_F3_OF_VOWEL = 0.8
# A lateral after the first consonant of a cluster is a voiced stretch of steady formants, its F2 low and its F3
# high: the longest run of voiced frames whose F3 - F2 is over 1.3 times the vowel's, up to the vowel's middle (a
# release burst or a fricative's noise is not voiced), in both voices: /l/ said right 50-130 ms ("blue", "black",
# "glass", "glad", "glitter", "play", "plane", "plate", "plenty", "clap", "class", "clean", "clip", "flag", "flip",
# "sleep", "sled", "slip", "blend"); left out 0-20 ms, the consonant's release running into the vowel, whose formants
# move apart from the start. That holds before front vowels and /u/ (fronted in American English, as in both voices);
# before back vowels and diphthongs the vowel's own F3 - F2 is as wide ("block", "clock", "plum", "globe", "slow":
# 0-5 ms said right), and those are judged by F1 instead, below.
CLUSTER_LATERAL_MIN_MS = 40
_LATERAL_GAP_OF_VOWEL = 1.3
_LATERAL_APART_BEFORE = frozenset({"IY", "IH", "EY", "EH", "AE", "UW"})
# Before an open vowel, whose F1 is high, the lateral is a voiced stretch of low F1: the longest run of voiced frames
# whose F1 is under 0.8 of the vowel's, both voices: /l/ said right 65-130 ms ("clock", "plum", "floor", "fly",
# "block", "flock", "slug", "club", "claw", "slide", "plot"), left out 0-5 ms, the release's F1 rising at once (at 110
# and 190 words a minute, with the vowel placed by level rather than by the alignment: 45-120 ms and 0-10 ms). Before
# /oU/ the same holds for /bl fl sl/: said right 50-105 ms ("blow", "flow", "slow"), left out 0-15 ms. /gl/'s voicing
# before the release has a low F1 too, so it needs a longer stretch: before open vowels said right 60-95 ms ("glove",
# "glide", "gloss"), left out 20-50 ms ([[g'Vv]], [[g'aId]], [[g'0s]]); before /oU/ it is not judged ("globe",
# "glow": said right 30-65 ms, left out 25-55 ms).
OPEN_LATERAL_MIN_MS = 35
GL_OPEN_LATERAL_MIN_MS = 55
_LATERAL_F1_OF_VOWEL = 0.8
_LATERAL_LOW_F1_BEFORE = frozenset({"AA", "AH", "AO", "AY", "OW"})
# The first consonants of the clusters judged: stops and fricatives.
_CLUSTER_ONSETS = frozenset({"B", "G", "P", "K", "F", "S"})
# From a recording's first sound to its vowel (cues.onset_to_vowel_ms), /bl/ said right: 25-60 ms ("blue", "black",
# and 45-50 ms in "block"); [b] alone: 0-20 ms. (Not for /gl/: espeak-ng voices /g/ 30-40 ms before its release, as
# long as a lateral.)
BL_LATERAL_MIN_LEAD_MS = 23


# An /r/ that ends the recording after its vowel pulls F3 down at the vowel's end: the lowest F3 of the stretch's second
# half against the vowel's first 30 ms (median), both voices: said right 0.69-0.77 ("car", "floor", "door", "star",
# "four", "far", "the floor"; the recogniser's adult model hears the child-like "car" and "the floor" without it),
# left out 0.98-1.02 ([[k'A:]], [[fl'o:]], [[d'o:]], [[st'A:]]).
FINAL_RHOTIC_MAX_F3_OF_VOWEL = 0.85
_VOWEL_START_FRAMES = 30 // cues.STEP_MS
# The vowel and the /r/ last 290-390 ms in those; where the alignment gives less, it has given the vowel's start to the
# sound before (the child-like [[f'o@]] for "floor": 150 ms, F3 already falling), and nothing is left to compare with.
FINAL_RHOTIC_MIN_MS = 200


def final_rhotic(clip: Clip, s: cues.Spectra, vowel_start_ms: int, end_ms: int, loudest_db: float) -> str | None:
    """The /r/ that ends the recording at end_ms, after the vowel starting at vowel_start_ms: "R" where F3 falls, ""
    where it stays the vowel's; None where the formants cannot be tracked."""
    tracked = _tracked(clip, s, vowel_start_ms, end_ms, loudest_db)
    if tracked is None or end_ms - vowel_start_ms < FINAL_RHOTIC_MIN_MS:
        return None
    _, _, (_, _, f3_hz) = tracked
    start_hz, late_hz = f3_hz[:_VOWEL_START_FRAMES], f3_hz[len(f3_hz) // 2 :]
    if not (np.isfinite(start_hz).any() and np.isfinite(late_hz).any()):
        return None
    return "R" if np.nanmin(late_hz) < FINAL_RHOTIC_MAX_F3_OF_VOWEL * np.nanmedian(start_hz) else ""


@dataclass(frozen=True, slots=True)
class _Onset:
    """F1, F2 and F3 every STEP_MS from where the consonant starts to just past the vowel's middle (nan where the frame
    is not at speaking level or none is tracked), which frames are voiced, and the formants at the vowel's middle."""

    f1_hz: np.ndarray
    f2_hz: np.ndarray
    f3_hz: np.ndarray
    voiced: np.ndarray
    vowel_f1_hz: float
    vowel_f2_hz: float
    vowel_f3_hz: float


def produced(
    clip: Clip,
    s: cues.Spectra,
    phones: tuple[str, ...],
    index: int,
    position: Position,
    word_start_ms: int,
    vowel_middle_ms: int,
    loudest_db: float,
) -> str | None:
    """What the liquid ("L" or "R") at index of the word's phones, before the vowel whose middle is at vowel_middle_ms,
    was said as ("W", the liquid itself, or "" for left out), in a word starting at word_start_ms, the liquid its first
    sound or after a first consonant; None where the cues cannot tell."""
    phone, vowel = phones[index], phones[index + 1]
    before = phones[index - 1] if index else None
    sound_start_ms = word_start_ms
    if position is Position.UTTERANCE_INITIAL:
        sound_start_ms = max(0, word_start_ms - _ALIGNED_LATE_MS)
    if before is not None:
        if phone != "L" or before not in _CLUSTER_ONSETS or position is not Position.UTTERANCE_INITIAL:
            return None
        if vowel in _LATERAL_APART_BEFORE:
            onset = _onset_formants(clip, s, sound_start_ms, vowel_middle_ms, loudest_db)
            return None if onset is None else "L" if _lateral_ms(onset) >= CLUSTER_LATERAL_MIN_MS else ""
        if vowel in _LATERAL_LOW_F1_BEFORE and (before, vowel) != ("G", "OW"):
            onset = _onset_formants(clip, s, sound_start_ms, vowel_middle_ms, loudest_db)
            if onset is None or not np.isfinite(onset.vowel_f1_hz):
                return None
            min_ms = GL_OPEN_LATERAL_MIN_MS if before == "G" else OPEN_LATERAL_MIN_MS
            return "L" if _low_f1_ms(onset) >= min_ms else ""
        if before == "B":
            return "L" if cues.onset_to_vowel_ms(s, sound_start_ms, loudest_db) >= BL_LATERAL_MIN_LEAD_MS else ""
        return None
    onset = _onset_formants(clip, s, sound_start_ms, vowel_middle_ms, loudest_db)
    if onset is None:
        return None
    if phone == "R":
        lowest_f3_hz = np.nanmin(onset.f3_hz)
        return "R" if lowest_f3_hz < RHOTIC_MAX_F3_OF_VOWEL * onset.vowel_f3_hz else "W"
    lowest_f2_hz = np.nanmin(onset.f2_hz)
    if lowest_f2_hz >= GLIDE_MAX_HZ or lowest_f2_hz >= GLIDE_MAX_OF_VOWEL * onset.vowel_f2_hz:
        return "L"
    glide_f3_hz = np.nanmedian(onset.f3_hz[onset.f2_hz < GLIDE_MAX_HZ])
    return "W" if glide_f3_hz < GLIDE_MAX_F3_OF_VOWEL * onset.vowel_f3_hz else "L"


def _onset_formants(
    clip: Clip, s: cues.Spectra, start_ms: int, vowel_middle_ms: int, loudest_db: float
) -> _Onset | None:
    """The onset from start_ms, where the consonant starts, to the vowel's middle; None where it is too short to track
    or nothing is tracked at the vowel's middle or before it."""
    end_ms = vowel_middle_ms + round(2000 * _WINDOW_S)  # Praat's Gaussian window spans twice the length given
    tracked = _tracked(clip, s, start_ms, end_ms, loudest_db)
    if tracked is None:
        return None
    track, frames, (f1, f2, f3) = tracked
    middle_s = (vowel_middle_ms - start_ms) / 1000
    vowel_f1, vowel_f2, vowel_f3 = (track.get_value_at_time(n, middle_s) for n in (1, 2, 3))
    if not (np.isfinite(f2).any() and np.isfinite(f3).any() and np.isfinite([vowel_f2, vowel_f3]).all()):
        return None
    return _Onset(f1, f2, f3, s.low_db[frames] > s.high_db[frames], vowel_f1, vowel_f2, vowel_f3)


def _tracked(
    clip: Clip, s: cues.Spectra, start_ms: int, end_ms: int, loudest_db: float
) -> tuple[parselmouth.Formant, np.ndarray, np.ndarray] | None:
    """Praat's formant track from start_ms to end_ms, the spectra's frame at each of its times, and F1, F2 and F3 at
    those times (nan where the frame is not at speaking level); None where the stretch is too short to track."""
    samples = clip.samples[start_ms * ANALYSIS_RATE_HZ // 1000 : end_ms * ANALYSIS_RATE_HZ // 1000]
    if len(samples) < 2 * _WINDOW_S * ANALYSIS_RATE_HZ:
        return None
    sound = parselmouth.Sound(samples.astype(np.float64), sampling_frequency=ANALYSIS_RATE_HZ)
    track = sound.to_formant_burg(_STEP_S, 5, CEILING_HZ, _WINDOW_S, 50.0)
    times_s = track.xs()
    frames = np.minimum(len(s.level_db) - 1, (start_ms + 1000 * times_s).astype(int) // cues.STEP_MS)
    speaking = s.level_db[frames] > loudest_db + _SPEAKING_DB
    formants = np.array([[track.get_value_at_time(n, t) for t in times_s] for n in (1, 2, 3)])
    return track, frames, np.where(speaking, formants, np.nan)


def _lateral_ms(onset: _Onset) -> int:
    """How long the longest voiced stretch of the onset whose F3 - F2 stands well apart from the vowel's lasts."""
    vowel_gap_hz = onset.vowel_f3_hz - onset.vowel_f2_hz
    return _longest_ms(onset.voiced & (onset.f3_hz - onset.f2_hz > _LATERAL_GAP_OF_VOWEL * vowel_gap_hz))


def _low_f1_ms(onset: _Onset) -> int:
    """How long the longest voiced stretch of the onset whose F1 lies well below the vowel's lasts."""
    return _longest_ms(onset.voiced & (onset.f1_hz < _LATERAL_F1_OF_VOWEL * onset.vowel_f1_hz))


def _longest_ms(frames: np.ndarray) -> int:
    longest = run = 0
    for frame in frames:
        run = run + 1 if frame else 0
        longest = max(longest, run)
    return longest * cues.STEP_MS
