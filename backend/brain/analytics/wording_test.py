import pytest

from brain.analytics.wording import duration, plural, times


@pytest.mark.parametrize(
    ("ms", "said"),
    [(0, "0 s"), (45_000, "45 s"), (59_600, "1 min"), (180_000, "3 min"), (750_400, "12 min 30 s")],
)
def test_durations_read_as_minutes_and_seconds(ms, said):
    assert duration(ms) == said


@pytest.mark.parametrize(("count", "said"), [(1, "once"), (2, "twice"), (5, "5 times")])
def test_repetitions_read_as_people_say_them(count, said):
    assert times(count) == said


@pytest.mark.parametrize(("count", "said"), [(0, "0 lapses"), (1, "1 lapse"), (3, "3 lapses")])
def test_nouns_take_a_plural_unless_there_is_one(count, said):
    assert plural(count, "lapse") == said
