"""Helpers for the brain's tests: a known service-token secret and configurations built around it."""

from pathlib import Path

from brain.config import Config

SECRET = "test-secret-for-service-tokens".ljust(64, "-")  # long enough for HS512 too


def make_config(tmp_path: Path, **overrides) -> Config:
    """A configuration for a brain on a free port with embedded storage under tmp_path, unless overridden."""
    return Config(service_token_secret=SECRET, port=0, workers=1, data_dir=tmp_path / "data", **overrides)
