import pytest

from brain.analytics.session import Answer, FocusLost, Idle, Session
from brain.errors import InvalidInputError


def test_a_session_without_elapsed_time_ends_with_its_last_event():
    session = Session(96, events=(Idle(5_000, 10_000), Answer(0, True, 2_000), FocusLost(20_000, 4_000)))

    assert session.end_ms == 24_000


def test_a_session_with_elapsed_time_ends_then():
    session = Session(96, elapsed_ms=60_000, events=(Answer(0, True, 2_000),))

    assert session.end_ms == 60_000


def test_an_empty_session_ends_at_its_start():
    assert Session(96).end_ms == 0


@pytest.mark.parametrize(
    "event",
    [Answer(9_000, True, 2_000), Idle(9_000, 2_000), FocusLost(9_000, 2_000)],
    ids=["answer", "idle", "focus lost"],
)
def test_an_event_ending_after_the_elapsed_time_is_refused_naming_elapsed_ms(event):
    with pytest.raises(InvalidInputError) as refused:
        Session(96, elapsed_ms=10_000, events=(event,))

    assert refused.value.field == "session.elapsed_ms"
    assert "11000 ms" in refused.value.message


def test_an_event_ending_exactly_at_the_elapsed_time_is_accepted():
    session = Session(96, elapsed_ms=10_000, events=(Answer(8_000, True, 2_000),))

    assert session.end_ms == 10_000
