"""How numbers read in explanations."""

MS_PER_SECOND = 1000


def duration(ms: float) -> str:
    """A duration as people say it: "45 s", "3 min", "12 min 30 s"."""
    minutes, rest_s = divmod(round(ms / MS_PER_SECOND), 60)
    if not minutes:
        return f"{rest_s} s"
    return f"{minutes} min {rest_s} s" if rest_s else f"{minutes} min"


def seconds(ms: float) -> str:
    return f"{ms / MS_PER_SECOND:.1f} s"


def percent(share: float) -> str:
    return f"{share:.0%}"


def times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
