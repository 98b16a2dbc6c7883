"""Acoustic-phonetic cues of obstruents, measured on a phone's aligned span: what the recording itself says about
how a consonant was made, where the recogniser's adult model cannot tell the target from an error form.

A spectrum every 5 ms over 10 ms windows (short enough to catch a 10-20 ms release burst, as in Stevens &
Blumstein 1978); levels are relative to the loudest frame of the word, so they do not depend on recording level.
"""

from dataclasses import dataclass
from functools import cache

import numpy as np

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip

STEP_MS = 5
_HOP = ANALYSIS_RATE_HZ * STEP_MS // 1000
_WINDOW = 2 * _HOP
_FFT = 256
_FLOOR = 1e-12
_HIGH_HZ = 3000  # frication of /s/, /t/ bursts and aspiration lie above; voicing and most vowel energy below 1 kHz
_LOW_HZ = 1000
_AUDIBLE_DB = -45.0  # quieter than the word's loudest frame by more than this is background, not a consonant


@dataclass(frozen=True, slots=True)
class Spectra:
    """Power spectra every STEP_MS, with each frame's level and its high- and low-band levels in dB, and whether the
    recording carries the band above 5 kHz at all."""

    power: np.ndarray
    level_db: np.ndarray
    high_db: np.ndarray
    low_db: np.ndarray
    band_limited: bool


# The recording's spectrum above 5 kHz against 2-4 kHz, averaged over its frames within 30 dB of the loudest: -28.3 to
# +0.9 dB over the articulation evaluation set (both voices, words without any fricative included), -7.5 to +4.1 dB in
# three of the real recordings, and -39.0 dB in jfk.wav, an old broadcast with next to nothing above 4 kHz. Where that
# band is missing, /s/'s noise and the place of a stop's burst (alveolar above 4 kHz) cannot show.
BAND_LIMITED_BELOW_DB = -33.0
_TOP_HZ = 5000
_MIDDLE_HZ = (2000, 4000)
_LOUDER_DB = -30.0


def spectra(clip: Clip) -> Spectra:
    samples = clip.samples.astype(np.float64)
    count = max(0, (len(samples) - _WINDOW) // _HOP + 1)
    frames = np.lib.stride_tricks.sliding_window_view(samples, _WINDOW)[::_HOP][:count]
    power = np.abs(np.fft.rfft(frames * np.hanning(_WINDOW), _FFT)) ** 2
    hz = _hz()
    level_db = _db(power.sum(axis=1))
    return Spectra(
        power,
        level_db,
        _db(power[:, hz >= _HIGH_HZ].sum(axis=1)),
        _db(power[:, hz < _LOW_HZ].sum(axis=1)),
        count > 0 and _top_band_db(power, level_db) < BAND_LIMITED_BELOW_DB,
    )


def _top_band_db(power: np.ndarray, level_db: np.ndarray) -> float:
    hz = _hz()
    louder = power[level_db > level_db.max() + _LOUDER_DB].mean(axis=0)
    return float(_db(louder[hz >= _TOP_HZ].sum()) - _db(louder[(hz >= _MIDDLE_HZ[0]) & (hz < _MIDDLE_HZ[1])].sum()))


def frication_ms(s: Spectra, start_ms: int, end_ms: int, loudest_db: float) -> int:
    """How long the longest noise that starts in the span lasts: frames whose energy above 3 kHz outweighs that
    below 1 kHz (aperiodic turbulence rather than voicing) and that are audible above the background, counted
    until one is not. A sibilant's noise is long (Jongman, Wayland & Wong 2000: /s/ 120-180 ms in words), a
    stop's burst and aspiration short."""
    noisy = (s.high_db > s.low_db) & (s.level_db > loudest_db + _AUDIBLE_DB)
    first, last = _frames(s, start_ms, end_ms)
    longest, frame = 0, first
    while frame < last:
        if not noisy[frame]:
            frame += 1
            continue
        run = frame
        while run < len(noisy) and noisy[run]:
            run += 1
        longest, frame = max(longest, run - frame), run
    return longest * STEP_MS


def frication_level_db(s: Spectra, start_ms: int, end_ms: int, loudest_db: float) -> float:
    """The loudest energy above 3 kHz in the span against the word's loudest frame: sibilants /s z/ are strong,
    within about 15 dB of the vowel, the non-sibilants /f v θ ð/ weak and flat (Jongman et al. 2000, normalised
    amplitude; Behrens & Blumstein 1988)."""
    first, last = _frames(s, start_ms, end_ms)
    return float(s.high_db[first:last].max() - loudest_db) if last > first else -np.inf


def burst_centroid_hz(s: Spectra, start_ms: int, end_ms: int) -> float:
    """The spectral centre of gravity above 1 kHz of the release burst, the frame with most energy above 3 kHz in
    the span's first 30 ms: alveolar bursts are diffuse and rising, centred high (above 4 kHz), velar bursts
    compact, centred at the following vowel's F2-F3, 1.5-3.5 kHz (Stevens & Blumstein 1978; Forrest et al. 1988
    found the first spectral moment the best single cue)."""
    first, last = _frames(s, start_ms, min(end_ms, start_ms + 30))
    if last <= first:
        return 0.0
    return _centroid_hz(s.power[first + int(np.argmax(s.high_db[first:last]))])


_ONSET_FRAMES = 15 // STEP_MS


def onset_centroid_hz(s: Spectra, start_ms: int, end_ms: int, loudest_db: float) -> float:
    """The spectral centre of gravity above 1 kHz of the first 15 ms of sound in the span (0 when it is silent):
    a voiced stop's burst, before the voicing of the vowel after it outweighs it."""
    onset = _first_audible(s, start_ms, end_ms, loudest_db)
    if onset is None:
        return 0.0
    return _centroid_hz(s.power[onset : onset + _ONSET_FRAMES].sum(axis=0))


def sound_start_ms(s: Spectra, start_ms: int, end_ms: int, loudest_db: float) -> int:
    """Where the first audible sound in the span starts (end_ms when it is silent)."""
    onset = _first_audible(s, start_ms, end_ms, loudest_db)
    return end_ms if onset is None else onset * STEP_MS


_VOWEL_DB = -10.0  # within this of the word's loudest frame: a vowel's body, louder than any consonant before it


def onset_to_vowel_ms(s: Spectra, start_ms: int, loudest_db: float, vowel_db: float = _VOWEL_DB) -> int:
    """How long the sound that starts at the first audible frame from start_ms lasts before the level comes within
    vowel_db (10 dB) of the word's loudest frame, the vowel: a fricative's noise before it, or only a stop's burst.
    A lower vowel_db counts only the weak sounds before any sonorant, as a fricative's noise before a lateral."""
    onset = _first_audible(s, start_ms, STEP_MS * len(s.level_db), loudest_db)
    if onset is None:
        return 0
    loud = np.flatnonzero(s.level_db[onset:] > loudest_db + vowel_db)
    return int(loud[0]) * STEP_MS if len(loud) else 0


_BURST_FRAMES = 20 // STEP_MS


def onset_noise_db(s: Spectra, start_ms: int, loudest_db: float) -> float:
    """The high band against the low one at its most over the first 20 ms of sound from start_ms (-inf when there is
    none): a stop's burst and aspiration are noise above 3 kHz near as strong as any voicing below 1 kHz, where a
    sonorant starts with its voicing far stronger."""
    onset = _first_audible(s, start_ms, STEP_MS * len(s.level_db), loudest_db)
    if onset is None:
        return -np.inf
    frames = slice(onset, onset + _BURST_FRAMES)
    return float((s.high_db[frames] - s.low_db[frames]).max())


# A stop's closure is 20 ms whose high band lies this far below the word's loudest frame: silence, or a voice bar
# with no energy above 3 kHz; vowels keep some there, even the adult voice's weakest pitch-period frames.
CLOSED_DB = -36.0
_CLOSURE_FRAMES = 20 // STEP_MS


def release_rise_db(
    s: Spectra, start_ms: int, end_ms: int, loudest_db: float, closed_db: float = CLOSED_DB
) -> tuple[int, float]:
    """Where in the span a stop is released, and by how much its high band rises there over the closure before it:
    the frame rising most above the loudest of the 20 ms before it, when those all lie closed_db or more below the
    word's loudest frame. A stop at the end of a word is a closure and a burst after the vowel; a vowel that simply
    ends rises nowhere (-inf when no closure lies in the span at all)."""
    first, last = _frames(s, start_ms, end_ms)
    best_frame, best_rise = first, -np.inf
    for frame in range(first + _CLOSURE_FRAMES, last):
        closure_db = s.high_db[frame - _CLOSURE_FRAMES : frame].max()
        if closure_db < loudest_db + closed_db and s.high_db[frame] - closure_db > best_rise:
            best_frame, best_rise = frame, float(s.high_db[frame] - closure_db)
    return best_frame * STEP_MS, best_rise


def high_over_low_db(s: Spectra, start_ms: int, end_ms: int) -> float:
    """The median over the span of the high band's level against the low band's: a voiced stop's closure is a voice
    bar with next to nothing above 3 kHz, a voiced fricative keeps some weak noise there (Stevens 1998)."""
    first, last = _frames(s, start_ms, end_ms)
    return float(np.median(s.high_db[first:last] - s.low_db[first:last])) if last > first else np.nan


def murmur_ms(s: Spectra, start_ms: int, end_ms: int, loudest_db: float, below_db: float) -> int:
    """How long the longest run of audible frames in the span lasts whose high band lies below_db or more under the
    low band: a nasal's murmur, whose energy lies below 500 Hz (Fujimura 1962), where a vowel keeps some above 3 kHz."""
    first, last = _frames(s, start_ms, end_ms)
    murmur = (s.high_db[first:last] - s.low_db[first:last] <= below_db) & (
        s.level_db[first:last] > loudest_db + _AUDIBLE_DB
    )
    longest = run = 0
    for frame in murmur:
        run = run + 1 if frame else 0
        longest = max(longest, run)
    return longest * STEP_MS


def release_centroid_hz(s: Spectra, release_ms: int) -> float:
    """The spectral centre of gravity above 1 kHz of the 20 ms from a stop's release, summed: the whole burst, where
    its first frame alone may be the edge of the closure."""
    first, _ = _frames(s, release_ms, release_ms)
    return _centroid_hz(s.power[first : first + _BURST_FRAMES].sum(axis=0))


def loudest_db(s: Spectra, start_ms: int, end_ms: int) -> float:
    first, last = _frames(s, start_ms, end_ms)
    return float(s.level_db[first:last].max()) if last > first else -np.inf


def _first_audible(s: Spectra, start_ms: int, end_ms: int, loudest_db: float) -> int | None:
    first, last = _frames(s, start_ms, end_ms)
    audible = np.flatnonzero(s.level_db[first:last] > loudest_db + _AUDIBLE_DB)
    return first + int(audible[0]) if len(audible) else None


def _centroid_hz(power: np.ndarray) -> float:
    hz = _hz()
    above = hz >= _LOW_HZ
    return float((power[above] * hz[above]).sum() / (power[above].sum() + _FLOOR))


def _frames(s: Spectra, start_ms: int, end_ms: int) -> tuple[int, int]:
    count = len(s.level_db)
    return min(count, start_ms // STEP_MS), min(count, max(start_ms // STEP_MS + 1, end_ms // STEP_MS))


def _db(power: np.ndarray) -> np.ndarray:
    return 10 * np.log10(power + _FLOOR)


@cache
def _hz() -> np.ndarray:
    return np.fft.rfftfreq(_FFT, 1 / ANALYSIS_RATE_HZ)
