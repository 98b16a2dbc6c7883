"""The attention analysis: sustained-attention spans between lapses, distractions and vigilance.

A span is a stretch of the session free of lapses (see lapses.py for what a lapse is). Vigilance
compares the two halves of the session: attention clearly fell off (a vigilance decrement) when
accuracy fell (features.FALLING_ACCURACY_DROP), answers slowed by SLOWING_RATIO, or lapses rose by
LAPSE_RISE from the first half to the second.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from brain.analytics.features import Half, accuracy_fell, extract
from brain.analytics.lapses import Lapse
from brain.analytics.session import Answer, Session
from brain.analytics.stats import merge

SLOWING_RATIO = 1.25
LAPSE_RISE = 3


@dataclass(frozen=True, slots=True)
class AttentionSpan:
    start_ms: int
    end_ms: int
    answers: int  # answers shown within the span

    @property
    def length_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True, slots=True)
class Vigilance:
    """The first half of the session against the second; accuracy and median times are 0 without answers."""

    accuracy_first_half: float
    accuracy_second_half: float
    median_response_time_first_half_ms: float
    median_response_time_second_half_ms: float
    lapses_first_half: int
    lapses_second_half: int
    decrement: bool


@dataclass(frozen=True, slots=True)
class AttentionAnalysis:
    spans: tuple[AttentionSpan, ...]  # in time order
    lapses: tuple[Lapse, ...]  # in time order
    mean_span_ms: float  # 0 without spans
    longest_span_ms: int
    distraction_count: int
    distraction_ms: int
    vigilance: Vigilance


def analyze_attention(session: Session) -> AttentionAnalysis:
    features = extract(session)
    spans = attention_spans(features.lapses, features.answers, features.end_ms)
    lengths = [span.length_ms for span in spans]
    return AttentionAnalysis(
        spans=spans,
        lapses=features.lapses,
        mean_span_ms=sum(lengths) / len(lengths) if lengths else 0.0,
        longest_span_ms=max(lengths, default=0),
        distraction_count=features.distraction_count,
        distraction_ms=features.distraction_ms,
        vigilance=vigilance(features.first_half, features.second_half),
    )


def attention_spans(lapses: Sequence[Lapse], answers: Sequence[Answer], end_ms: int) -> tuple[AttentionSpan, ...]:
    """The lapse-free stretches of [0, end_ms], with the answers shown in each; inputs in time order."""
    stretches = []
    start_ms = 0
    for lapse_start_ms, lapse_end_ms in merge((lapse.start_ms, lapse.end_ms) for lapse in lapses):
        if lapse_start_ms > start_ms:
            stretches.append((start_ms, lapse_start_ms))
        start_ms = lapse_end_ms
    if start_ms < end_ms:
        stretches.append((start_ms, end_ms))

    spans = []
    next_answer = 0
    for span_start_ms, span_end_ms in stretches:
        while next_answer < len(answers) and answers[next_answer].offset_ms < span_start_ms:
            next_answer += 1
        first_answer = next_answer
        while next_answer < len(answers) and answers[next_answer].offset_ms < span_end_ms:
            next_answer += 1
        spans.append(AttentionSpan(span_start_ms, span_end_ms, next_answer - first_answer))
    return tuple(spans)


def vigilance(first: Half, second: Half) -> Vigilance:
    slowed = (
        first.comparable and second.comparable and second.median_response_ms >= first.median_response_ms * SLOWING_RATIO
    )
    return Vigilance(
        accuracy_first_half=first.accuracy,
        accuracy_second_half=second.accuracy,
        median_response_time_first_half_ms=first.median_response_ms,
        median_response_time_second_half_ms=second.median_response_ms,
        lapses_first_half=first.lapses,
        lapses_second_half=second.lapses,
        decrement=accuracy_fell(first, second) or slowed or second.lapses - first.lapses >= LAPSE_RISE,
    )
