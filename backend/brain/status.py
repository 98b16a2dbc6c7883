"""The brain's own status: its version, how long it has run, and its dependency checks."""

import time
from dataclasses import dataclass

from brain import __version__
from brain.storage import Storage
from brain.storage.checks import DependencyCheck


@dataclass(frozen=True, slots=True)
class ServiceStatus:
    version: str
    uptime_seconds: float
    dependencies: list[DependencyCheck]


async def service_status(storage: Storage, started_at: float) -> ServiceStatus:
    """The status now; started_at is the time.monotonic() reading at start-up."""
    return ServiceStatus(
        version=__version__,
        uptime_seconds=time.monotonic() - started_at,
        dependencies=await storage.checks(),
    )
