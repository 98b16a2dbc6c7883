import asyncio

from brain.storage import open_storage
from brain.testing import make_config


async def test_checks_report_a_healthy_database_and_key_value_store_with_their_backends(
    tmp_path, database_url, redis_url
):
    config = make_config(tmp_path, database_url=database_url, redis_url=redis_url)

    async with open_storage(config) as storage:
        checks = await storage.checks()

    assert [(c.name, c.healthy, c.error) for c in checks] == [("database", True, ""), ("redis", True, "")]
    assert checks[0].backend == ("postgresql" if database_url else "sqlite")
    assert checks[1].backend == ("redis" if redis_url else "in-process")
    assert all(c.latency_ms >= 0 for c in checks)


async def test_an_unreachable_redis_is_reported_unhealthy_with_the_reason(tmp_path):
    async def refuse(reader, writer):
        writer.close()

    server = await asyncio.start_server(refuse, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    config = make_config(tmp_path, redis_url=f"redis://127.0.0.1:{port}")

    async with open_storage(config) as storage:
        redis = (await storage.checks())[1]

    assert (redis.name, redis.backend, redis.healthy) == ("redis", "redis", False)
    assert "ConnectionError" in redis.error


async def test_the_embedded_database_lives_under_the_data_dir(tmp_path):
    config = make_config(tmp_path)

    async with open_storage(config) as storage:
        await storage.checks()

    assert (tmp_path / "data" / "brain.sqlite3").exists()
