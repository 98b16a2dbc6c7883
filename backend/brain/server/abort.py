"""Ending a call with a status code, a message and, where useful, google.rpc error details."""

from collections.abc import Iterable
from typing import NoReturn

import grpc
from google.protobuf.any_pb2 import Any
from google.protobuf.message import Message
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status


async def abort(context: grpc.aio.ServicerContext, code: grpc.StatusCode, message: str, *details: Message) -> NoReturn:
    """Aborts the call; details travel in grpc-status-details-bin, where grpcio-status and Connect read them."""
    trailing_metadata = ()
    if details:
        status = status_pb2.Status(code=code.value[0], message=message, details=[_packed(d) for d in details])
        trailing_metadata = rpc_status.to_status(status).trailing_metadata
    await context.abort(code, message, trailing_metadata)


def bad_request(violations: Iterable[tuple[str, str, str]]) -> error_details_pb2.BadRequest:
    """A BadRequest detail from (field path, description, reason) triples."""
    return error_details_pb2.BadRequest(
        field_violations=[
            error_details_pb2.BadRequest.FieldViolation(field=field, description=description, reason=reason)
            for field, description, reason in violations
        ]
    )


def _packed(detail: Message) -> Any:
    packed = Any()
    packed.Pack(detail)
    return packed
