import pytest

from aivo.brain.v1 import status_pb2
from brain import __version__
from brain.server.testing import headers
from brain.testing import make_config


@pytest.fixture
def config(tmp_path, database_url, redis_url):
    return make_config(tmp_path, database_url=database_url, redis_url=redis_url)


async def test_service_status_reports_the_version_uptime_and_healthy_dependencies(brain, config):
    response = await brain.stub.GetServiceStatus(status_pb2.GetServiceStatusRequest(), metadata=headers())

    assert response.version == __version__
    assert response.uptime_seconds > 0
    assert [(d.name, d.backend, d.healthy, d.error) for d in response.dependencies] == [
        ("database", "postgresql" if config.database_url else "sqlite", True, ""),
        ("redis", "redis" if config.redis_url else "in-process", True, ""),
    ]
    assert all(d.latency_ms >= 0 for d in response.dependencies)
