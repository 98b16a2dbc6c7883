"""Pitch, loudness, rhythm and voice quality with Praat's own algorithms (parselmouth)."""

from dataclasses import dataclass
from enum import Enum

import numpy as np
import parselmouth
from parselmouth.praat import call

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip
from brain.speech.rhythm import RhythmBasis, npvi, vocalic_intervals

CONTOUR_STEP_MS = 10
# Terminal contour: the last voiced stretch's final 300 ms; beyond +-5 semitones per second it is a movement.
_TERMINAL_S = 0.3
_TERMINAL_SLOPE_ST_PER_S = 5.0
_MIN_VOCALIC_S = 0.03
# Two passes (De Looze & Hirst 2008): a first track over the age's whole range finds the speaker's own, from its
# quartiles, floor = 0.75 x Q1 and ceiling = 1.5 x Q3; the second, final track searches only there, where the
# halves and doubles of the speaker's F0 that cause octave jumps fall outside.
_FLOOR_OF_Q1, _CEILING_OF_Q3 = 0.75, 1.5
_FIRST_PASS_STEP_S = 0.02
# Whole-clip statistics (the first pass's quartiles, mean HNR) need a sample of frames, not every one: past these
# counts the frames are spread evenly over the clip, which bounds their cost on long clips. A step three times
# coarser moved the speaker's range by at most 5 Hz on jfk.wav (11 s) and 30 s of espeak-ng speech, and mean HNR by
# under 0.5 dB on each real recording.
_FIRST_PASS_FRAMES = 500
_HNR_FRAMES = 1000
_HNR_STEP_S = 0.01  # Praat's standard
# Path finder: Praat's voiced/unvoiced cost (0.14) and a higher octave-jump cost than its 0.35, so that the best
# path keeps to one octave through a frame or two of doubtful candidates.
_OCTAVE_JUMP_COST = 0.6
_VOICED_UNVOICED_COST = 0.14
# Praat's standard perturbation settings: shortest and longest period, largest period factor and amplitude factor.
_PERIOD_FLOOR_S, _PERIOD_CEILING_S, _MAX_PERIOD_FACTOR, _MAX_AMPLITUDE_FACTOR = 0.0001, 0.02, 1.3, 1.6
_MIN_PERIODS = 10


class Terminal(Enum):
    UNKNOWN = "unknown"
    RISING = "rising"
    FALLING = "falling"
    LEVEL = "level"


@dataclass(frozen=True, slots=True)
class Prosody:
    mean_f0_hz: float
    median_f0_hz: float
    f0_min_hz: float
    f0_max_hz: float
    f0_range_semitones: float
    f0_sd_semitones: float
    f0_contour_hz: tuple[float, ...]
    mean_intensity_db: float
    terminal: Terminal
    terminal_slope_st_per_s: float
    npvi: float
    npvi_basis: RhythmBasis
    jitter_local_percent: float
    shimmer_local_percent: float
    hnr_db: float
    voiced_fraction: float


def pitch_range_hz(child_age_months: int) -> tuple[float, float]:
    """Search range of the pitch tracker: children speak higher than adults, and from puberty voices drop."""
    return (100.0, 700.0) if child_age_months < 144 else (60.0, 600.0)


def analyze_prosody(clip: Clip, child_age_months: int, vowels: list[tuple[int, int]] | None = None) -> Prosody:
    """vowels are the vowels' time spans in milliseconds from a forced phone alignment, when the words are known;
    without them, rhythm is measured on voiced stretches."""
    sound = parselmouth.Sound(clip.samples.astype(np.float64), sampling_frequency=ANALYSIS_RATE_HZ)
    floor, ceiling = _speaker_range(sound, *pitch_range_hz(child_age_months))
    pitch = sound.to_pitch_ac(
        time_step=CONTOUR_STEP_MS / 1000,
        pitch_floor=floor,
        pitch_ceiling=ceiling,
        octave_jump_cost=_OCTAVE_JUMP_COST,
        voiced_unvoiced_cost=_VOICED_UNVOICED_COST,
    )
    times, f0 = pitch.xs(), pitch.selected_array["frequency"]
    voiced = f0[f0 > 0]
    if len(voiced) == 0:
        return _unvoiced(clip, sound, floor, times, f0)
    rhythm = vocalic_intervals(vowels) if vowels else _voiced_stretches(f0)
    median = float(np.median(voiced))
    semitones = 12 * np.log2(voiced / median)
    p5, p95 = np.percentile(voiced, [5, 95])
    terminal, slope = _terminal(times, f0)
    jitter, shimmer = _perturbation(sound, pitch)
    return Prosody(
        mean_f0_hz=float(voiced.mean()),
        median_f0_hz=median,
        f0_min_hz=float(p5),
        f0_max_hz=float(p95),
        f0_range_semitones=float(12 * np.log2(p95 / p5)),
        f0_sd_semitones=float(np.sqrt(np.mean(semitones**2))),
        f0_contour_hz=_contour(clip, times, f0),
        mean_intensity_db=_intensity(sound, floor),
        terminal=terminal,
        terminal_slope_st_per_s=slope,
        npvi=npvi(rhythm),
        npvi_basis=RhythmBasis.VOWELS if vowels else RhythmBasis.VOICED_STRETCHES,
        jitter_local_percent=jitter,
        shimmer_local_percent=shimmer,
        hnr_db=_hnr(sound, floor),
        voiced_fraction=len(voiced) / len(f0),
    )


def _unvoiced(clip: Clip, sound: parselmouth.Sound, floor: float, times, f0) -> Prosody:
    return Prosody(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, _contour(clip, times, f0), _intensity(sound, floor),
                   Terminal.UNKNOWN, 0.0, 0.0, RhythmBasis.VOICED_STRETCHES, 0.0, 0.0, 0.0, 0.0)  # fmt: skip


def _speaker_range(sound: parselmouth.Sound, floor: float, ceiling: float) -> tuple[float, float]:
    """The speaker's own search range within the age's, from a quicker first track; the age's when unvoiced."""
    step = _step(sound, _FIRST_PASS_STEP_S, _FIRST_PASS_FRAMES)
    first = sound.to_pitch_ac(time_step=step, pitch_floor=floor, pitch_ceiling=ceiling)
    f0 = first.selected_array["frequency"]
    if np.count_nonzero(f0) < 2:
        return floor, ceiling
    q1, q3 = np.percentile(f0[f0 > 0], [25, 75])
    return max(floor, _FLOOR_OF_Q1 * q1), min(ceiling, _CEILING_OF_Q3 * q3)


def _voiced_stretches(f0: np.ndarray) -> list[float]:
    """Durations in seconds of voiced stretches long enough to hold a vowel: the stand-in for vocalic intervals."""
    durations = [len(run) * CONTOUR_STEP_MS / 1000 for run in _voiced_runs(f0)]
    return [d for d in durations if d >= _MIN_VOCALIC_S]


def _contour(clip: Clip, times: np.ndarray, f0: np.ndarray) -> tuple[float, ...]:
    """F0 on a grid from time 0 at CONTOUR_STEP_MS: the nearest pitch frame, 0 where it is unvoiced."""
    grid = np.arange(0, clip.duration_s, CONTOUR_STEP_MS / 1000)
    nearest = np.clip(np.searchsorted(times, grid), 0, len(times) - 1) if len(times) else np.zeros(0, dtype=int)
    values = f0[nearest] if len(times) else np.zeros(len(grid))
    return tuple(round(float(v), 1) for v in values)


def _voiced_runs(f0: np.ndarray) -> list[np.ndarray]:
    edges = np.flatnonzero(np.diff(np.concatenate(([0], (f0 > 0).astype(int), [0]))))
    return [np.arange(start, end) for start, end in zip(edges[::2], edges[1::2], strict=True)]


def _terminal(times: np.ndarray, f0: np.ndarray) -> tuple[Terminal, float]:
    """Slope of a line through the semitones of the last voiced stretch's final 300 ms."""
    runs = [run for run in _voiced_runs(f0) if len(run) >= 5]
    if not runs:
        return Terminal.UNKNOWN, 0.0
    last = runs[-1]
    last = last[times[last] >= times[last[-1]] - _TERMINAL_S]
    semitones = 12 * np.log2(f0[last] / np.median(f0[last]))
    slope = float(np.polyfit(times[last], semitones, 1)[0])
    if slope >= _TERMINAL_SLOPE_ST_PER_S:
        return Terminal.RISING, slope
    if slope <= -_TERMINAL_SLOPE_ST_PER_S:
        return Terminal.FALLING, slope
    return Terminal.LEVEL, slope


def _perturbation(sound: parselmouth.Sound, pitch: parselmouth.Pitch) -> tuple[float, float]:
    """Local jitter and shimmer in percent; 0 when there are too few glottal periods to measure. The glottal
    periods are found along the pitch track already made, as Praat's voice report does (Sound & Pitch: To
    PointProcess (cc)), rather than along a second track of its own: the same periods, an eighth of the cost."""
    points = call([sound, pitch], "To PointProcess (cc)")
    if call(points, "Get number of points") < _MIN_PERIODS:
        return 0.0, 0.0
    jitter = call(points, "Get jitter (local)", 0, 0, _PERIOD_FLOOR_S, _PERIOD_CEILING_S, _MAX_PERIOD_FACTOR)
    shimmer = call(
        [sound, points], "Get shimmer (local)", 0, 0, _PERIOD_FLOOR_S, _PERIOD_CEILING_S, _MAX_PERIOD_FACTOR,
        _MAX_AMPLITUDE_FACTOR,
    )  # fmt: skip
    return 100 * _finite(jitter), 100 * _finite(shimmer)


def _hnr(sound: parselmouth.Sound, floor: float) -> float:
    """Mean harmonics-to-noise ratio in dB over the voiced frames, Praat's cross-correlation method."""
    harmonicity = sound.to_harmonicity_cc(time_step=_step(sound, _HNR_STEP_S, _HNR_FRAMES), minimum_pitch=floor)
    return _finite(call(harmonicity, "Get mean", 0, 0))


def _step(sound: parselmouth.Sound, finest_s: float, frames: int) -> float:
    """The finest time step, or a coarser one that spreads the given number of frames over a long clip."""
    return max(finest_s, sound.duration / frames)


def _intensity(sound: parselmouth.Sound, floor: float) -> float:
    return _finite(call(sound.to_intensity(minimum_pitch=floor), "Get mean", 0, 0, "energy"))


def _finite(value: float) -> float:
    return float(value) if np.isfinite(value) else 0.0
