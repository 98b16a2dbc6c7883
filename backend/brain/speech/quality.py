"""What a recording's own level, clipping and noise say about how far its analysis can be trusted."""

from dataclasses import dataclass

import numpy as np

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip

_FRAME = ANALYSIS_RATE_HZ // 40  # 25 ms
_FULL_SCALE = 0.999
_FLOOR_DB = -120.0
# Warn above 0.1 % clipped samples, below -35 dBFS speech level, below 15 dB SNR: the points where pitch
# tracking and recognition start to go wrong on children's recordings.
_CLIPPED_WARNING = 0.001
_LOW_LEVEL_DBFS = -35.0
_NOISY_SNR_DB = 15.0
_SNR_CAP_DB = 100.0  # digital silence between words has no noise to measure


@dataclass(frozen=True, slots=True)
class Quality:
    duration_ms: int
    peak_dbfs: float
    rms_dbfs: float
    clipped_fraction: float
    snr_db: float

    def warnings(self) -> tuple[str, ...]:
        found = []
        if self.clipped_fraction > _CLIPPED_WARNING:
            found.append(f"clipping: {self.clipped_fraction:.1%} of samples are at full scale")
        if self.rms_dbfs < _LOW_LEVEL_DBFS:
            found.append(f"low level: speech is at {self.rms_dbfs:.0f} dBFS, below {_LOW_LEVEL_DBFS:.0f} dBFS")
        if self.snr_db < _NOISY_SNR_DB:
            found.append(f"noisy: estimated SNR is {self.snr_db:.0f} dB, below {_NOISY_SNR_DB:.0f} dB")
        return tuple(found)


def measure_quality(clip: Clip) -> Quality:
    """Level of the loudest tenth of frames (speech) against the quietest tenth (the noise floor)."""
    samples = clip.samples
    frames = samples[: len(samples) // _FRAME * _FRAME].reshape(-1, _FRAME) if len(samples) >= _FRAME else None
    power = np.sort((frames**2).mean(axis=1)) if frames is not None else np.array([np.mean(samples**2)])
    tenth = max(1, len(power) // 10)
    speech, noise = power[-tenth:].mean(), power[:tenth].mean()
    return Quality(
        duration_ms=round(clip.duration_s * 1000),
        peak_dbfs=_db(float(np.max(np.abs(samples))) ** 2),
        rms_dbfs=_db(float(speech)),
        clipped_fraction=float(np.mean(np.abs(samples) >= _FULL_SCALE)),
        snr_db=min(_SNR_CAP_DB, _db(float(speech)) - _db(float(noise))),
    )


def _db(power: float) -> float:
    return max(_FLOOR_DB, 10 * float(np.log10(power))) if power > 0 else _FLOOR_DB
