"""A recording as a short-time spectrum on the mel scale: what stays the same while a sound is held, and what
makes two stretches sound alike."""

from functools import cache

import numpy as np

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip

FRAME_MS = 10
_WINDOW = ANALYSIS_RATE_HZ * 25 // 1000
_HOP = ANALYSIS_RATE_HZ * FRAME_MS // 1000
_FFT = 512
# 20 mel bands over 100-7000 Hz: the formants and the fricative noise, not the harmonics (pitch stays out).
_BANDS = 20
_LOW_HZ, _HIGH_HZ = 100.0, 7000.0
_FLOOR = 1e-10
# Frication is noise above 2.5 kHz; voicing and vowel formants put most energy below 1 kHz.
_FRICATION_LOW_HZ, _VOICING_HIGH_HZ = 2500.0, 1000.0


def mel_spectrum(clip: Clip) -> np.ndarray:
    """Band levels in dB, one row per 10 ms frame (25 ms Hann windows)."""
    samples = clip.samples.astype(np.float64)
    count = max(0, (len(samples) - _WINDOW) // _HOP + 1)
    if count == 0:
        return np.zeros((0, _BANDS))
    frames = np.lib.stride_tricks.sliding_window_view(samples, _WINDOW)[::_HOP][:count]
    power = np.abs(np.fft.rfft(frames * np.hanning(_WINDOW), _FFT)) ** 2
    return 10 * np.log10(power @ _filterbank() + _FLOOR)


def frame_levels_db(clip: Clip) -> np.ndarray:
    """Each 10 ms frame's level in dB relative to full scale."""
    count = len(clip.samples) // _HOP
    power = (clip.samples[: count * _HOP].reshape(count, _HOP).astype(np.float64) ** 2).mean(axis=1)
    return 10 * np.log10(power + _FLOOR)


def frication_db(spectrum: np.ndarray) -> np.ndarray:
    """Per frame, how much louder the bands above 2.5 kHz are than those below 1 kHz: about 0-6 dB for /f/, 15-18
    for /s/ and /th/, -9 to -15 for vowels and nasals."""
    centres = _centres_hz()
    return spectrum[:, centres > _FRICATION_LOW_HZ].mean(axis=1) - spectrum[:, centres < _VOICING_HIGH_HZ].mean(axis=1)


def distance_db(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Root mean square difference of band levels, row by row: 0 for the same spectrum."""
    return np.sqrt(np.mean((a - b) ** 2, axis=-1))


@cache
def _filterbank() -> np.ndarray:
    """Triangular mel filters, one column per band."""
    edges = _edges_hz()
    hz = np.fft.rfftfreq(_FFT, 1 / ANALYSIS_RATE_HZ)
    rising = (hz[:, None] - edges[None, :-2]) / (edges[1:-1] - edges[:-2])
    falling = (edges[None, 2:] - hz[:, None]) / (edges[2:] - edges[1:-1])
    return np.clip(np.minimum(rising, falling), 0, None)


def _edges_hz() -> np.ndarray:
    mel = np.linspace(_to_mel(_LOW_HZ), _to_mel(_HIGH_HZ), _BANDS + 2)
    return 700 * (10 ** (mel / 2595) - 1)


def _centres_hz() -> np.ndarray:
    return _edges_hz()[1:-1]


def _to_mel(hz: float) -> float:
    return 2595 * float(np.log10(1 + hz / 700))
