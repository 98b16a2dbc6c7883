"""Recordings in, one clip out: decoded once, checked, mixed to mono and resampled to the analysis rate."""

import io
from dataclasses import dataclass
from enum import Enum
from math import gcd

import numpy as np
import soundfile
from scipy.signal import resample_poly

from brain.errors import InvalidInputError

ANALYSIS_RATE_HZ = 16_000
# Below this peak level (about -60 dBFS) a recording holds no speech worth analysing.
_SILENCE_PEAK = 0.001
# The pitch tracker needs a few periods of the lowest pitch and the recogniser a few 10 ms frames.
MIN_SECONDS = 0.1


class AudioFormat(Enum):
    AUTO = "auto"
    WAV = "WAV"
    FLAC = "FLAC"
    OGG = "OGG"
    PCM_S16LE = "pcm_s16le"


@dataclass(frozen=True, slots=True)
class Clip:
    """Mono float samples in [-1, 1] at ANALYSIS_RATE_HZ."""

    samples: np.ndarray

    @property
    def duration_s(self) -> float:
        return len(self.samples) / ANALYSIS_RATE_HZ

    def between(self, start_ms: int, end_ms: int) -> "Clip":
        return Clip(self.samples[start_ms * ANALYSIS_RATE_HZ // 1000 : end_ms * ANALYSIS_RATE_HZ // 1000])

    def pcm16(self) -> bytes:
        return (np.clip(self.samples, -1.0, 1.0) * 32767).astype("<i2").tobytes()


def decode_audio(data: bytes, audio_format: AudioFormat, declared_rate_hz: int, max_seconds: float) -> Clip:
    """Decodes and checks a recording; refuses what cannot be analysed with an error naming the field."""
    if not data:
        raise InvalidInputError("audio.data", "is empty")
    if audio_format is AudioFormat.PCM_S16LE:
        samples, rate = _raw_pcm16(data, declared_rate_hz)
    else:
        samples, rate = _container(data, audio_format, declared_rate_hz)
    duration_s = len(samples) / rate
    if duration_s < MIN_SECONDS:
        raise InvalidInputError(
            "audio.data",
            f"is {duration_s * 1000:.0f} ms long, shorter than the {MIN_SECONDS * 1000:.0f} ms an analysis needs",
        )
    if duration_s > max_seconds:
        raise InvalidInputError("audio.data", f"is {duration_s:.1f} s long, longer than the {max_seconds:g} s limit")
    mono = samples.mean(axis=1) if samples.ndim == 2 else samples
    if not np.isfinite(mono).all():
        raise InvalidInputError("audio.data", "holds samples that are not numbers")
    if np.max(np.abs(mono)) < _SILENCE_PEAK:
        raise InvalidInputError("audio.data", "is silence only")
    return Clip(_resample(mono, rate).astype(np.float32))


def _raw_pcm16(data: bytes, rate_hz: int) -> tuple[np.ndarray, int]:
    if rate_hz == 0:
        raise InvalidInputError("audio.sample_rate_hz", "is required for raw PCM audio")
    if len(data) % 2:
        raise InvalidInputError("audio.data", f"is {len(data)} bytes, not whole 16-bit samples")
    return np.frombuffer(data, dtype="<i2").astype(np.float32) / 32768.0, rate_hz


def _container(data: bytes, audio_format: AudioFormat, declared_rate_hz: int) -> tuple[np.ndarray, int]:
    try:
        with soundfile.SoundFile(io.BytesIO(data)) as file:
            found = file.format
            samples = file.read(dtype="float32", always_2d=False)
            rate = file.samplerate
    except soundfile.LibsndfileError as error:
        raise InvalidInputError("audio.data", f"is audio that cannot be decoded: {error.error_string}") from None
    if audio_format is not AudioFormat.AUTO and found != audio_format.value:
        raise InvalidInputError("audio.encoding", f"says {audio_format.value} but the data is {found}")
    if declared_rate_hz and declared_rate_hz != rate:
        raise InvalidInputError("audio.sample_rate_hz", f"is {declared_rate_hz} Hz but the header says {rate} Hz")
    return samples, rate


def _resample(samples: np.ndarray, rate: int) -> np.ndarray:
    if rate == ANALYSIS_RATE_HZ:
        return samples
    common = gcd(rate, ANALYSIS_RATE_HZ)
    return resample_poly(samples, ANALYSIS_RATE_HZ // common, rate // common)
