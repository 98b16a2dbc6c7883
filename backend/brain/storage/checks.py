"""Timed health checks of the brain's dependencies."""

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

CHECK_TIMEOUT_S = 2.0


@dataclass(frozen=True, slots=True)
class DependencyCheck:
    """The outcome of one check: what answered, whether it was healthy and how long it took."""

    name: str
    backend: str
    healthy: bool
    latency_ms: float
    error: str = ""


async def timed_check(name: str, backend: str, probe: Callable[[], Awaitable[object]]) -> DependencyCheck:
    """Runs probe with a deadline; a failure becomes an unhealthy check, never an exception."""
    started = time.perf_counter()
    try:
        await asyncio.wait_for(probe(), CHECK_TIMEOUT_S)
    except TimeoutError:
        error = f"no answer within {CHECK_TIMEOUT_S:g} s"
    except Exception as exc:  # noqa: BLE001 - any failure of a dependency is reported, not raised
        error = f"{type(exc).__name__}: {exc}"
    else:
        error = ""
    latency_ms = (time.perf_counter() - started) * 1000
    return DependencyCheck(name=name, backend=backend, healthy=not error, latency_ms=latency_ms, error=error)
