"""Service tokens: HS256 JWTs signed with SERVICE_TOKEN_SECRET, aud "brain", iss the calling service."""

import time
from collections import OrderedDict
from collections.abc import Callable

import jwt

AUDIENCE = "brain"
_CACHE_SIZE = 1024


class ServiceTokens:
    """Verifies service tokens. Callers reuse one token for minutes, so a verified token is remembered until it
    expires and later calls cost a dictionary lookup instead of an HMAC and a JSON parse."""

    def __init__(self, secret: str, *, clock: Callable[[], float] = time.time) -> None:
        self._secret = secret
        self._clock = clock
        self._verified: OrderedDict[str, tuple[str, float]] = OrderedDict()

    def issuer_of(self, token: str) -> str:
        """The calling service named by a valid token; raises jwt.InvalidTokenError (or a subclass) otherwise."""
        remembered = self._verified.get(token)
        if remembered is not None:
            issuer, expires_at = remembered
            if self._clock() < expires_at:
                return issuer
            del self._verified[token]
            raise jwt.ExpiredSignatureError("Signature has expired")
        claims = jwt.decode(
            token,
            self._secret,
            algorithms=["HS256"],
            audience=AUDIENCE,
            options={"require": ["exp", "iss", "aud"]},
        )
        issuer = claims["iss"]
        if not isinstance(issuer, str) or not issuer:
            raise jwt.InvalidIssuerError("iss must name the calling service")
        self._remember(token, issuer, float(claims["exp"]))
        return issuer

    def _remember(self, token: str, issuer: str, expires_at: float) -> None:
        self._verified[token] = (issuer, expires_at)
        if len(self._verified) > _CACHE_SIZE:
            self._verified.popitem(last=False)
