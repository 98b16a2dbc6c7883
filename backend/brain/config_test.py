from pathlib import Path

import pytest

from brain.config import ConfigError, load_config

SECRET = "s" * 32


def test_defaults_follow_the_conventions():
    config = load_config({"SERVICE_TOKEN_SECRET": SECRET})

    assert (config.port, config.ml_rate_limit_per_minute, config.log_level) == (5000, 1200, "info")
    assert (config.database_url, config.redis_url, config.data_dir) == (None, None, Path(".data"))
    assert config.workers >= 1


@pytest.mark.parametrize(
    "given",
    ["postgresql://u:p@db:5432/brain", "postgres://u:p@db:5432/brain", "postgresql+asyncpg://u:p@db:5432/brain"],
)
def test_every_spelling_of_a_postgresql_url_is_normalised_to_asyncpg(given):
    config = load_config({"SERVICE_TOKEN_SECRET": SECRET, "DATABASE_URL": given})

    assert config.database_url == "postgresql+asyncpg://u:p@db:5432/brain"


def test_the_secrets_and_urls_stay_out_of_the_configs_repr():
    config = load_config(
        {"SERVICE_TOKEN_SECRET": SECRET, "DATABASE_URL": "postgresql://u:hunter2@db/x", "REDIS_URL": "redis://:pw@r"}
    )

    assert SECRET not in repr(config) and "hunter2" not in repr(config) and ":pw@" not in repr(config)


@pytest.mark.parametrize(
    ("variable", "value", "complaint"),
    [
        ("SERVICE_TOKEN_SECRET", "", "is required"),
        ("SERVICE_TOKEN_SECRET", "short", "at least 32 characters"),
        ("BRAIN_PORT", "http", "must be an integer from 0 to 65535, got 'http'"),
        ("BRAIN_PORT", "70000", "must be an integer from 0 to 65535, got 70000"),
        ("BRAIN_WORKERS", "0", "must be an integer from 1"),
        ("ML_RATE_LIMIT_PER_MINUTE", "-5", "must be an integer from 1"),
        ("LOG_LEVEL", "loud", "must be one of debug, info, warn, error"),
        ("DATABASE_URL", "mysql://db/brain", "must be a PostgreSQL URL"),
        ("REDIS_URL", "memcached://cache", "must be a Redis URL"),
        ("SPEECH_MAX_SECONDS", "0", "must be an integer from 1 to 3600"),
        ("SPEECH_API_URL", "ftp://asr", "must be an http:// or https:// URL"),
    ],
)
def test_a_bad_value_is_refused_with_the_variable_named(variable, value, complaint):
    environ = {"SERVICE_TOKEN_SECRET": SECRET, variable: value}

    with pytest.raises(ConfigError) as refused:
        load_config(environ)

    assert refused.value.variable == variable
    assert str(refused.value).startswith(f"{variable}: ")
    assert complaint in str(refused.value)
