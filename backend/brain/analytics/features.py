"""The measurements all three analyses share, taken from a session in one place.

The session is split in two halves of equal time at its midpoint; an event belongs to the half it
starts in. Comparing the halves is how the analyses see attention change over the session.
"""

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from statistics import median
from typing import TypeVar

from brain.analytics.lapses import Baseline, Lapse, find_lapses, response_baseline
from brain.analytics.session import Answer, FocusLost, Idle, Session
from brain.analytics.stats import covered_ms, merge, relative_spread

# Fewer answers in a half say too little about its accuracy or response times to compare halves.
MIN_ANSWERS_PER_HALF = 6
# Accuracy falling by this much (0-1) from the first half to the second is more than a bad item or two.
FALLING_ACCURACY_DROP = 0.25


@dataclass(frozen=True, slots=True)
class Half:
    """What happened in one half of the session."""

    length_ms: float
    answers: int
    correct: int
    median_response_ms: float  # 0 without answers
    response_spread: float  # scaled MAD over median; 0 with fewer than two answers
    lapses: int
    idle_count: int
    idle_ms: int
    focus_losses: int

    @property
    def accuracy(self) -> float:
        """The share of correct answers; 0 without answers."""
        return self.correct / self.answers if self.answers else 0.0

    @property
    def idle_share(self) -> float:
        """The share of the half spent idle; 0 for an empty half."""
        return self.idle_ms / self.length_ms if self.length_ms else 0.0

    @property
    def comparable(self) -> bool:
        """Whether the half has enough answers to compare its accuracy and response times."""
        return self.answers >= MIN_ANSWERS_PER_HALF


@dataclass(frozen=True, slots=True)
class Features:
    end_ms: int
    answers: tuple[Answer, ...]  # in time order
    on_task_ms: int  # time neither idle nor away from the app
    idle_ms: int
    distraction_count: int  # times the app left the foreground
    distraction_ms: int
    baseline: Baseline | None
    lapses: tuple[Lapse, ...]  # in time order
    first_half: Half
    second_half: Half


def extract(session: Session) -> Features:
    events = sorted(session.events, key=attrgetter("offset_ms"))
    answers = [event for event in events if isinstance(event, Answer)]
    idles = [event for event in events if isinstance(event, Idle)]
    losses = [event for event in events if isinstance(event, FocusLost)]
    end_ms = session.end_ms

    off_task = merge((event.offset_ms, event.end_ms) for event in events if not isinstance(event, Answer))
    baseline = response_baseline(answers)
    lapses = find_lapses(answers, idles, losses, off_task, baseline)

    midpoint_ms = end_ms / 2
    early_answers, late_answers = _split(answers, midpoint_ms, "offset_ms")
    early_lapses, late_lapses = _split(lapses, midpoint_ms, "start_ms")
    early_idles, late_idles = _split(idles, midpoint_ms, "offset_ms")
    early_losses, late_losses = _split(losses, midpoint_ms, "offset_ms")
    return Features(
        end_ms=end_ms,
        answers=tuple(answers),
        on_task_ms=end_ms - covered_ms(off_task),
        idle_ms=covered_ms(merge((idle.offset_ms, idle.end_ms) for idle in idles)),
        distraction_count=len(losses),
        distraction_ms=covered_ms(merge((loss.offset_ms, loss.end_ms) for loss in losses)),
        baseline=baseline,
        lapses=tuple(lapses),
        first_half=_half(midpoint_ms, early_answers, early_lapses, early_idles, early_losses),
        second_half=_half(midpoint_ms, late_answers, late_lapses, late_idles, late_losses),
    )


def accuracy_drop(first: Half, second: Half) -> float:
    """How much accuracy fell from the first half to the second; 0 when the halves cannot be compared."""
    if not (first.comparable and second.comparable):
        return 0.0
    return max(0.0, first.accuracy - second.accuracy)


def accuracy_fell(first: Half, second: Half) -> bool:
    return accuracy_drop(first, second) >= FALLING_ACCURACY_DROP


T = TypeVar("T")


def _split(items: list[T], midpoint_ms: float, time_field: str) -> tuple[list[T], list[T]]:
    """The items starting before the midpoint, and the rest; items in time order."""
    cut = bisect_left(items, midpoint_ms, key=attrgetter(time_field))
    return items[:cut], items[cut:]


def _half(
    length_ms: float,
    answers: Sequence[Answer],
    lapses: Sequence[Lapse],
    idles: Sequence[Idle],
    losses: Sequence[FocusLost],
) -> Half:
    times = [answer.response_time_ms for answer in answers]
    return Half(
        length_ms=length_ms,
        answers=len(answers),
        correct=sum(answer.correct for answer in answers),
        median_response_ms=median(times) if times else 0.0,
        response_spread=relative_spread(times) if len(times) >= 2 else 0.0,
        lapses=len(lapses),
        idle_count=len(idles),
        idle_ms=sum(idle.duration_ms for idle in idles),
        focus_losses=len(losses),
    )
