"""Request validation against the contract's protovalidate rules, for every BrainService method."""

import grpc
import protovalidate
from google.protobuf.message import Message

from brain.server.abort import abort, bad_request
from brain.server.interceptor import Behavior, BrainInterceptor


class ValidationInterceptor(BrainInterceptor):
    """Refuses a request that breaks the contract with INVALID_ARGUMENT, one "field.path: message" per violation
    in the message and a google.rpc.BadRequest detail."""

    def __init__(self) -> None:
        # One validator for the process: it compiles each message's rules once and caches them.
        self._validator = protovalidate.Validator()

    async def intercept(
        self, method: str, request: Message, context: grpc.aio.ServicerContext, behavior: Behavior
    ) -> Message:
        violations = [describe(violation.proto) for violation in self._validator.collect_violations(request)]
        if violations:
            message = "; ".join(f"{field}: {text}" if field else text for field, text, _ in violations)
            await abort(context, grpc.StatusCode.INVALID_ARGUMENT, message, bad_request(violations))
        return await behavior(request, context)


def describe(violation: protovalidate.ViolationPb) -> tuple[str, str, str]:
    """(field path, message, rule id) of a buf.validate.Violation. Rules the contract wrote itself (CEL, with
    ids such as focus_session.elapsed_covers_events) carry their id in the message; a standard rule's message
    says enough on its own."""
    field = "".join(_path_part(element) for element in violation.field.elements).lstrip(".") if violation.field else ""
    standard = violation.rule is not None and violation.rule.elements[0].field_name != "cel"
    text = violation.message if standard else f"{violation.message} [{violation.rule_id}]"
    return field, text, violation.rule_id


def _path_part(element: protovalidate.FieldPathElementPb) -> str:
    subscript = element.subscript
    if subscript is None:
        return f".{element.field_name}"
    key = f'"{subscript.value}"' if subscript.field == "string_key" else subscript.value
    return f".{element.field_name}[{key}]"
