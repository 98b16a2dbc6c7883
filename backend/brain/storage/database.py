"""The SQL database: PostgreSQL when DATABASE_URL is set, else an embedded SQLite file under DATA_DIR."""

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from brain.config import Config
from brain.storage.checks import DependencyCheck, timed_check

SQLITE_FILE = "brain.sqlite3"
# Execution option: start the connection's transactions with the write lock already held (SQLite only;
# PostgreSQL callers take an advisory lock instead).
BEGIN_IMMEDIATE = "brain_begin_immediate"


def create_engine(config: Config) -> AsyncEngine:
    """An async engine on asyncpg or aiosqlite; nothing connects until the engine is first used."""
    if config.database_url:
        return create_async_engine(config.database_url, pool_pre_ping=True)
    config.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(f"sqlite+aiosqlite:///{config.data_dir / SQLITE_FILE}")
    _own_sqlite_transactions(engine)
    return engine


def _own_sqlite_transactions(engine: AsyncEngine) -> None:
    """Makes SQLAlchemy emit BEGIN itself, as SQLAlchemy's SQLite docs advise: the sqlite3 driver's legacy mode
    never begins a transaction before DDL, so a migration would not be atomic."""

    @event.listens_for(engine.sync_engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(connection) -> None:
        immediate = connection.get_execution_options().get(BEGIN_IMMEDIATE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


async def check_database(engine: AsyncEngine) -> DependencyCheck:
    """Runs SELECT 1, timed."""

    async def select_one() -> None:
        async with engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    return await timed_check("database", engine.dialect.name, select_one)
