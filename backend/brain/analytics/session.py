"""A practice session as the analyses see it: the learner's age, how long it ran and what happened."""

from dataclasses import dataclass

from brain.errors import InvalidInputError

MS_PER_MINUTE = 60_000


@dataclass(frozen=True, slots=True)
class Answer:
    """A response to one item: shown at offset_ms, answered response_time_ms later."""

    offset_ms: int
    correct: bool
    response_time_ms: int

    @property
    def end_ms(self) -> int:
        return self.offset_ms + self.response_time_ms


@dataclass(frozen=True, slots=True)
class Idle:
    """A stretch without input while the app stayed in the foreground."""

    offset_ms: int
    duration_ms: int

    @property
    def end_ms(self) -> int:
        return self.offset_ms + self.duration_ms


@dataclass(frozen=True, slots=True)
class FocusLost:
    """A stretch with the app out of the foreground (tab hidden, window blurred, app in the background)."""

    offset_ms: int
    duration_ms: int

    @property
    def end_ms(self) -> int:
        return self.offset_ms + self.duration_ms


Event = Answer | Idle | FocusLost


@dataclass(frozen=True, slots=True)
class Session:
    """One session: events in any order, times in milliseconds since the session started.

    elapsed_ms 0 means the session runs until the end of its last event. Every event must end by
    elapsed_ms: an event reaching past "now" cannot be placed in the session. local_start_minute is the
    learner's local clock at the start, in minutes after midnight, when known.
    """

    child_age_months: int
    elapsed_ms: int = 0
    events: tuple[Event, ...] = ()
    local_start_minute: int | None = None

    def __post_init__(self) -> None:
        if self.elapsed_ms and self.events:
            last_end_ms = max(event.end_ms for event in self.events)
            if last_end_ms > self.elapsed_ms:
                raise InvalidInputError(
                    "session.elapsed_ms",
                    f"must not be before the end of the last event, which ends at {last_end_ms} ms",
                )

    @property
    def end_ms(self) -> int:
        """Where the session ends: elapsed_ms, or the end of the last event when elapsed_ms is 0."""
        if self.elapsed_ms:
            return self.elapsed_ms
        return max((event.end_ms for event in self.events), default=0)
