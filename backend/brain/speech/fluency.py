"""Speech rate, pauses and stuttering-like disfluencies from word timings and the recording's own energy."""

from dataclasses import dataclass
from enum import Enum

import numpy as np

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip

DEFAULT_PAUSE_THRESHOLD_MS = 250
_FRAME_MS = 10
# A frame is speech when within 35 dB of the loudest frame and 6 dB above the noise floor.
_SPEECH_BELOW_PEAK_DB = 35.0
_SPEECH_ABOVE_FLOOR_DB = 6.0


class DisfluencyKind(Enum):
    WHOLE_WORD_REPETITION = "whole-word repetition"
    PART_WORD_REPETITION = "part-word repetition"


@dataclass(frozen=True, slots=True)
class SpokenWord:
    text: str
    start_ms: int
    end_ms: int
    syllables: int
    partial: bool = False  # only the start of the word was said ("b- ball")


@dataclass(frozen=True, slots=True)
class Span:
    start_ms: int
    end_ms: int

    @property
    def ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True, slots=True)
class Disfluency:
    kind: DisfluencyKind
    text: str
    start_ms: int
    end_ms: int


@dataclass(frozen=True, slots=True)
class Fluency:
    speech_rate_syllables_per_second: float
    words_per_minute: float
    articulation_rate_syllables_per_second: float
    pauses: tuple[Span, ...]
    disfluencies: tuple[Disfluency, ...]
    syllable_count: int
    word_count: int
    pause_threshold_ms: int

    @property
    def mean_pause_ms(self) -> float:
        return sum(p.ms for p in self.pauses) / len(self.pauses) if self.pauses else 0.0

    @property
    def longest_pause_ms(self) -> int:
        return max((p.ms for p in self.pauses), default=0)

    @property
    def percent_syllables_stuttered(self) -> float:
        return 100 * len(self.disfluencies) / self.syllable_count if self.syllable_count else 0.0


def analyze_fluency(clip: Clip, words: list[SpokenWord], pause_threshold_ms: int) -> Fluency:
    """Rates over the time from the first to the last sound; pauses are silences inside it."""
    speech = speech_frames(clip)
    voiced = np.flatnonzero(speech)
    if len(voiced) == 0:
        return Fluency(0.0, 0.0, 0.0, (), (), 0, 0, pause_threshold_ms)
    first, last = voiced[0], voiced[-1] + 1
    pauses = tuple(span for span in _silences(speech[first:last], first) if span.ms >= pause_threshold_ms)
    whole = [w for w in words if not w.partial]
    syllables = sum(w.syllables for w in whole)
    speaking_s = (last - first) * _FRAME_MS / 1000
    articulating_s = speaking_s - sum(p.ms for p in pauses) / 1000
    return Fluency(
        speech_rate_syllables_per_second=syllables / speaking_s,
        words_per_minute=60 * len(whole) / speaking_s,
        articulation_rate_syllables_per_second=syllables / articulating_s if articulating_s > 0 else 0.0,
        pauses=pauses,
        disfluencies=find_disfluencies(words),
        syllable_count=syllables,
        word_count=len(whole),
        pause_threshold_ms=pause_threshold_ms,
    )


def find_disfluencies(words: list[SpokenWord]) -> tuple[Disfluency, ...]:
    """Repetitions that count as stuttering-like: of a word's start ("b- b- ball", one disfluency spanning the
    restarts) and of a whole one-syllable word ("I I want")."""
    found = []
    restart: SpokenWord | None = None
    for before, after in zip(words, words[1:], strict=False):
        if before.partial:
            restart = restart or before
            if after.text == before.text and not after.partial:
                found.append(
                    Disfluency(DisfluencyKind.PART_WORD_REPETITION, after.text, restart.start_ms, before.end_ms)
                )
        elif before.text == after.text and not after.partial and before.syllables == 1:
            found.append(Disfluency(DisfluencyKind.WHOLE_WORD_REPETITION, before.text, before.start_ms, after.end_ms))
        if not before.partial or after.text != before.text:
            restart = None
    return tuple(found)


def speech_frames(clip: Clip) -> np.ndarray:
    """One boolean per 10 ms frame: whether it holds sound loud enough to be speech."""
    size = ANALYSIS_RATE_HZ * _FRAME_MS // 1000
    count = len(clip.samples) // size
    power = (clip.samples[: count * size].reshape(count, size).astype(np.float64) ** 2).mean(axis=1)
    db = 10 * np.log10(power + 1e-12)
    threshold = max(db.max() - _SPEECH_BELOW_PEAK_DB, np.percentile(db, 10) + _SPEECH_ABOVE_FLOOR_DB)
    return db > threshold


def _silences(speech: np.ndarray, offset: int) -> list[Span]:
    edges = np.flatnonzero(np.diff(np.concatenate(([1], speech.astype(int), [1]))))
    return [
        Span(int(offset + start) * _FRAME_MS, int(offset + end) * _FRAME_MS)
        for start, end in zip(edges[::2], edges[1::2], strict=True)
    ]
