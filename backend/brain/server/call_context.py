"""Who a call comes from, readable anywhere inside the call (each gRPC call runs in its own asyncio task)."""

from contextvars import ContextVar
from dataclasses import dataclass

from brain.errors import InvalidInputError


@dataclass(frozen=True, slots=True)
class CallContext:
    """The caller's identity as the gateway passed it on; empty strings when a header was absent."""

    request_id: str
    tenant_id: str
    learner_id: str


current_call: ContextVar[CallContext] = ContextVar("current_call")
# The service that signed the call's service token (its iss claim), for example "gateway".
calling_service: ContextVar[str] = ContextVar("calling_service")


def required_tenant(why: str) -> str:
    """The caller's tenant (x-tenant-id), refused as bad input when the call carries none."""
    tenant_id = current_call.get().tenant_id
    if not tenant_id:
        raise InvalidInputError("x-tenant-id", f"required: {why}")
    return tenant_id
