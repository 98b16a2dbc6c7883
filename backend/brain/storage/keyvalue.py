"""The key-value store: Redis when REDIS_URL is set, else in-process (each worker process then counts alone)."""

import limits.aio.storage
import redis.asyncio

from brain.config import Config
from brain.storage.checks import DependencyCheck, timed_check

# A Redis that stops answering fails calls that need it within this many seconds instead of hanging them.
REDIS_TIMEOUT_S = 1.0


class RedisStore:
    """A redis.asyncio client; the rate limiter shares its connection pool."""

    backend = "redis"

    def __init__(self, url: str) -> None:
        self._url = url
        self._client = redis.asyncio.Redis.from_url(
            url, socket_timeout=REDIS_TIMEOUT_S, socket_connect_timeout=REDIS_TIMEOUT_S
        )

    def rate_limit_storage(self) -> limits.aio.storage.Storage:
        return limits.aio.storage.RedisStorage(
            f"async+{self._url}", implementation="redispy", connection_pool=self._client.connection_pool
        )

    async def check(self) -> DependencyCheck:
        return await timed_check("redis", self.backend, self._client.ping)

    async def close(self) -> None:
        await self._client.aclose()


class InProcessStore:
    """The default without Redis: state lives in this process."""

    backend = "in-process"

    def rate_limit_storage(self) -> limits.aio.storage.Storage:
        return limits.aio.storage.MemoryStorage()

    async def check(self) -> DependencyCheck:
        return await timed_check("redis", self.backend, _always_there)

    async def close(self) -> None:
        pass


async def _always_there() -> None:
    pass


def open_keyvalue(config: Config) -> RedisStore | InProcessStore:
    """Redis when configured, else in-process; nothing connects until first use."""
    return RedisStore(config.redis_url) if config.redis_url else InProcessStore()
