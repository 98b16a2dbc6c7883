"""Readable builders for sessions in tests: a timeline that places events one after another."""

from dataclasses import dataclass, field

from brain.analytics.session import MS_PER_MINUTE, Answer, Event, FocusLost, Idle, Session

SECOND_MS = 1000


@dataclass
class Timeline:
    """Events laid end to end from the session start; `now_ms` is where the next one goes."""

    now_ms: int = 0
    events: list[Event] = field(default_factory=list)

    def answers(self, count: int, *, correct: bool = True, response_ms: int = 2 * SECOND_MS) -> "Timeline":
        for _ in range(count):
            self.answer(correct=correct, response_ms=response_ms)
        return self

    def answer(self, *, correct: bool = True, response_ms: int = 2 * SECOND_MS) -> "Timeline":
        self.events.append(Answer(self.now_ms, correct, response_ms))
        self.now_ms += response_ms
        return self

    def idle(self, duration_ms: int) -> "Timeline":
        self.events.append(Idle(self.now_ms, duration_ms))
        self.now_ms += duration_ms
        return self

    def away(self, duration_ms: int) -> "Timeline":
        self.events.append(FocusLost(self.now_ms, duration_ms))
        self.now_ms += duration_ms
        return self

    def session(self, *, age_years: int = 8, elapsed_ms: int = 0) -> Session:
        return Session(child_age_months=age_years * 12, elapsed_ms=elapsed_ms, events=tuple(self.events))


def steady(minutes: float, *, response_ms: int = 3 * SECOND_MS) -> Timeline:
    """Correct answers back to back at one steady pace for about `minutes`."""
    return Timeline().answers(round(minutes * MS_PER_MINUTE / response_ms), response_ms=response_ms)
