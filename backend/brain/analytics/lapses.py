"""Lapses: the moments attention broke, from idle gaps, focus losses and far-too-slow answers.

A response is a slow-response lapse when it takes longer than both
  - the learner's median response time + SLOW_RESPONSE_MADS scaled MADs (the "very conservative"
    outlier criterion of Leys et al. 2013, measured against the learner's own answers), and
  - SLOW_RESPONSE_MIN_RATIO x the median, so that a very steady learner's small wobble is no lapse.
The lapse is the time beyond the typical response. When that time overlaps an idle gap or a focus
loss, the app already reported the lapse, and it is not counted twice.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from operator import attrgetter
from statistics import median

from brain.analytics.session import Answer, FocusLost, Idle
from brain.analytics.stats import Interval, median_absolute_deviation

SLOW_RESPONSE_MADS = 3.0
SLOW_RESPONSE_MIN_RATIO = 2.0
# Fewer answers give no trustworthy typical response time, so no answer is called slow.
MIN_BASELINE_ANSWERS = 5


class LapseCause(Enum):
    IDLE = "idle"
    FOCUS_LOST = "focus_lost"
    SLOW_RESPONSE = "slow_response"


@dataclass(frozen=True, slots=True)
class Lapse:
    start_ms: int
    duration_ms: int
    cause: LapseCause

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.duration_ms


@dataclass(frozen=True, slots=True)
class Baseline:
    """The learner's own typical response time in this session, and from when a response is a lapse."""

    typical_ms: float
    slow_ms: float


def response_baseline(answers: Sequence[Answer]) -> Baseline | None:
    """The learner's baseline, or None with too few answers to know what is typical."""
    if len(answers) < MIN_BASELINE_ANSWERS:
        return None
    times = [answer.response_time_ms for answer in answers]
    typical = median(times)
    spread = median_absolute_deviation(times, typical)
    return Baseline(typical, max(typical + SLOW_RESPONSE_MADS * spread, SLOW_RESPONSE_MIN_RATIO * typical))


def find_lapses(
    answers: Sequence[Answer],
    idles: Sequence[Idle],
    focus_losses: Sequence[FocusLost],
    off_task: Sequence[Interval],
    baseline: Baseline | None,
) -> list[Lapse]:
    """All lapses in time order; events and off_task (merged idle and away time) sorted by time."""
    lapses = [Lapse(idle.offset_ms, idle.duration_ms, LapseCause.IDLE) for idle in idles]
    lapses += [Lapse(loss.offset_ms, loss.duration_ms, LapseCause.FOCUS_LOST) for loss in focus_losses]
    if baseline is not None:
        lapses += _slow_responses(answers, off_task, baseline)
    lapses.sort(key=attrgetter("start_ms"))
    return lapses


def _slow_responses(answers: Sequence[Answer], off_task: Sequence[Interval], baseline: Baseline) -> list[Lapse]:
    typical_ms = round(baseline.typical_ms)
    lapses = []
    next_off_task = 0
    for answer in answers:
        if answer.response_time_ms <= baseline.slow_ms:
            continue
        start_ms = answer.offset_ms + typical_ms
        # Starts only grow, so off-task stretches that ended before this one can be passed for good.
        while next_off_task < len(off_task) and off_task[next_off_task][1] <= start_ms:
            next_off_task += 1
        if next_off_task < len(off_task) and off_task[next_off_task][0] < answer.end_ms:
            continue
        lapses.append(Lapse(start_ms, answer.end_ms - start_ms, LapseCause.SLOW_RESPONSE))
    return lapses
