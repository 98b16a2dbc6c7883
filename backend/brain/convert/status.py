"""ServiceStatus to its GetServiceStatusResponse."""

from aivo.brain.v1.status_pb2 import DependencyStatus, GetServiceStatusResponse
from brain.status import ServiceStatus


def status_to_proto(status: ServiceStatus) -> GetServiceStatusResponse:
    return GetServiceStatusResponse(
        version=status.version,
        uptime_seconds=status.uptime_seconds,
        dependencies=[
            DependencyStatus(
                name=check.name,
                healthy=check.healthy,
                latency_ms=check.latency_ms,
                backend=check.backend,
                error=check.error,
            )
            for check in status.dependencies
        ],
    )
