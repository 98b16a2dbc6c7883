"""Helpers for calling a brain in tests: service tokens, call metadata and a valid request."""

import time

import jwt

from aivo.brain.v1 import analytics_pb2
from brain.testing import SECRET


def service_token(
    *, issuer: str = "gateway", audience: str = "brain", expires_in_s: float = 300, secret: str = SECRET
) -> str:
    """A service token as the gateway mints it."""
    now = time.time()
    return jwt.encode(
        {"iss": issuer, "aud": audience, "iat": int(now), "exp": int(now + expires_in_s)}, secret, "HS256"
    )


def headers(token: str | None = None, **more: str) -> tuple[tuple[str, str], ...]:
    """Call metadata with a valid service token (unless one is given) and more headers (x_tenant_id=...)."""
    given = {"authorization": f"Bearer {token or service_token()}"}
    given.update({name.replace("_", "-"): value for name, value in more.items()})
    return tuple(given.items())


def focus_request(child_age_months: int = 96) -> analytics_pb2.AnalyzeFocusRequest:
    """A small, valid session: correct answers three seconds apart."""
    events = [
        analytics_pb2.FocusEvent(
            offset_ms=i * 3000, answer=analytics_pb2.AnswerEvent(correct=True, response_time_ms=2500)
        )
        for i in range(20)
    ]
    session = analytics_pb2.FocusSession(session_id="s-1", child_age_months=child_age_months, events=events)
    return analytics_pb2.AnalyzeFocusRequest(session=session)
