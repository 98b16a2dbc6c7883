"""The brain's configuration: read once from the environment, checked, and frozen."""

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

LOG_LEVELS = ("debug", "info", "warn", "error")
_POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+asyncpg://")
_REDIS_SCHEMES = ("redis://", "rediss://")
_MIN_SECRET_LENGTH = 32


class ConfigError(ValueError):
    """A missing or bad environment variable; the message names it."""

    def __init__(self, variable: str, problem: str) -> None:
        super().__init__(f"{variable}: {problem}")
        self.variable = variable


@dataclass(frozen=True, slots=True)
class Config:
    """Everything the brain reads from its environment (names as in docs/conventions.md)."""

    service_token_secret: str = field(repr=False)
    port: int = 5000
    workers: int = 1
    database_url: str | None = field(default=None, repr=False)
    data_dir: Path = Path(".data")
    redis_url: str | None = field(default=None, repr=False)
    ml_rate_limit_per_minute: int = 1200
    log_level: str = "info"
    speech_max_seconds: int = 120
    speech_api_url: str | None = None
    speech_api_key: str | None = field(default=None, repr=False)


def load_config(environ: Mapping[str, str] = os.environ) -> Config:
    """Reads and checks the configuration; raises ConfigError naming the first bad variable."""
    return Config(
        service_token_secret=_secret(environ, "SERVICE_TOKEN_SECRET"),
        port=_integer(environ, "BRAIN_PORT", default=5000, low=0, high=65535),
        workers=_integer(environ, "BRAIN_WORKERS", default=_cores(), low=1, high=256),
        database_url=_database_url(environ, "DATABASE_URL"),
        data_dir=Path(environ.get("DATA_DIR") or ".data"),
        redis_url=_redis_url(environ, "REDIS_URL"),
        ml_rate_limit_per_minute=_integer(environ, "ML_RATE_LIMIT_PER_MINUTE", default=1200, low=1, high=10_000_000),
        log_level=_choice(environ, "LOG_LEVEL", default="info", choices=LOG_LEVELS),
        speech_max_seconds=_integer(environ, "SPEECH_MAX_SECONDS", default=120, low=1, high=3600),
        speech_api_url=_http_url(environ, "SPEECH_API_URL"),
        speech_api_key=environ.get("SPEECH_API_KEY", "").strip() or None,
    )


def _cores() -> int:
    return len(os.sched_getaffinity(0))


def _secret(environ: Mapping[str, str], name: str) -> str:
    value = environ.get(name, "")
    if not value:
        raise ConfigError(name, "is required (the HMAC key of service tokens)")
    if len(value) < _MIN_SECRET_LENGTH:
        raise ConfigError(name, f"must be at least {_MIN_SECRET_LENGTH} characters, got {len(value)}")
    return value


def _integer(environ: Mapping[str, str], name: str, *, default: int, low: int, high: int) -> int:
    raw = environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(name, f"must be an integer from {low} to {high}, got {raw!r}") from None
    if not low <= value <= high:
        raise ConfigError(name, f"must be an integer from {low} to {high}, got {value}")
    return value


def _choice(environ: Mapping[str, str], name: str, *, default: str, choices: tuple[str, ...]) -> str:
    value = environ.get(name, "").strip().lower() or default
    if value not in choices:
        raise ConfigError(name, f"must be one of {', '.join(choices)}, got {value!r}")
    return value


def _database_url(environ: Mapping[str, str], name: str) -> str | None:
    """PostgreSQL URLs in any of their usual spellings, normalised to the asyncpg driver."""
    raw = environ.get(name, "").strip()
    if not raw:
        return None
    scheme = next((s for s in _POSTGRES_SCHEMES if raw.startswith(s)), None)
    if scheme is None:
        raise ConfigError(name, f"must be a PostgreSQL URL ({', '.join(_POSTGRES_SCHEMES)}...) or unset for SQLite")
    return "postgresql+asyncpg://" + raw.removeprefix(scheme)


def _http_url(environ: Mapping[str, str], name: str) -> str | None:
    raw = environ.get(name, "").strip().rstrip("/")
    if raw and not raw.startswith(("http://", "https://")):
        raise ConfigError(name, f"must be an http:// or https:// URL or unset, got {raw!r}")
    return raw or None


def _redis_url(environ: Mapping[str, str], name: str) -> str | None:
    raw = environ.get(name, "").strip()
    if raw and not raw.startswith(_REDIS_SCHEMES):
        raise ConfigError(
            name, f"must be a Redis URL ({', '.join(_REDIS_SCHEMES)}...) or unset for in-process counters"
        )
    return raw or None
