"""Structured logs: one JSON object per line on stdout (time, level, service, pid, msg, then the details)."""

import logging
import os
import sys

import structlog

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warn": logging.WARNING, "error": logging.ERROR}
_LEADING_KEYS = ("time", "level", "service", "pid", "msg")


def _add_process(_logger: object, _method: str, event: dict) -> dict:
    # pid tells the worker processes apart; it is read per line because workers are forked.
    event["service"] = "brain"
    event["pid"] = os.getpid()
    return event


def _leading_keys_first(_logger: object, _method: str, event: dict) -> dict:
    return {**{key: event.pop(key) for key in _LEADING_KEYS if key in event}, **event}


def configure_logging(level: str) -> None:
    """Sends every structlog logger to stdout as JSON lines, dropping lines below level."""
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True, key="time"),
            _add_process,
            structlog.processors.dict_tracebacks,
            structlog.processors.EventRenamer("msg"),
            _leading_keys_first,
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(_LEVELS[level]),
        logger_factory=structlog.WriteLoggerFactory(file=sys.stdout),
        cache_logger_on_first_use=True,
    )
