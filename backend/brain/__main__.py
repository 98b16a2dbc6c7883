"""`python -m brain`: check the configuration, migrate the database once, then serve with BRAIN_WORKERS processes."""

import asyncio
import sys

import structlog

from brain import __version__
from brain.config import Config, ConfigError, load_config
from brain.logs import configure_logging
from brain.server.serve import serve
from brain.server.workers import run_workers
from brain.storage.database import create_engine
from brain.storage.migrations import migrate

log = structlog.get_logger("brain")

EXIT_FAILED = 1
EXIT_BAD_CONFIG = 2


def main() -> int:
    try:
        config = load_config()
    except ConfigError as error:
        configure_logging("info")
        log.error("invalid configuration", variable=error.variable, error=str(error))
        return EXIT_BAD_CONFIG
    configure_logging(config.log_level)
    try:
        asyncio.run(_migrate(config))
    except Exception:
        log.exception("migrations failed; is DATABASE_URL right and the database reachable?")
        return EXIT_FAILED

    def announce(port: int) -> None:
        log.info("listening", port=port, workers=config.workers, version=__version__)

    if config.workers == 1:
        asyncio.run(serve(config, config.port, reuse_port=False, on_ready=announce))
        return 0
    return run_workers(config, announce)


async def _migrate(config: Config) -> None:
    engine = create_engine(config)
    try:
        await migrate(engine)
    finally:
        await engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
