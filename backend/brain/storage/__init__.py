"""The brain's storage: a SQL database (PostgreSQL or embedded SQLite) and a key-value store (Redis or in-process)."""

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from brain.config import Config
from brain.storage.checks import DependencyCheck
from brain.storage.database import check_database, create_engine
from brain.storage.keyvalue import InProcessStore, RedisStore, open_keyvalue


@dataclass(frozen=True, slots=True)
class Storage:
    """The open database engine and key-value store of one process."""

    engine: AsyncEngine
    keyvalue: RedisStore | InProcessStore

    async def checks(self) -> list[DependencyCheck]:
        """Checks the database and the key-value store side by side."""
        return list(await asyncio.gather(check_database(self.engine), self.keyvalue.check()))


@asynccontextmanager
async def open_storage(config: Config) -> AsyncIterator[Storage]:
    """Opens the storage for the life of the block and closes its connections after."""
    storage = Storage(engine=create_engine(config), keyvalue=open_keyvalue(config))
    try:
        yield storage
    finally:
        await storage.keyvalue.close()
        await storage.engine.dispose()
