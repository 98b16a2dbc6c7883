"""The one place where errors become status codes: domain errors by kind, anything else INTERNAL."""

import grpc
import structlog
from google.protobuf.message import Message

from brain.errors import DomainError, InvalidInputError, NotFoundError
from brain.server.abort import abort, bad_request
from brain.server.interceptor import Behavior, BrainInterceptor

log = structlog.get_logger(__name__)


class ErrorInterceptor(BrainInterceptor):
    """Turns exceptions raised inside a call into statuses; an unknown error is logged with its traceback and
    answered INTERNAL without its text, which may hold internals."""

    async def intercept(
        self, method: str, request: Message, context: grpc.aio.ServicerContext, behavior: Behavior
    ) -> Message:
        try:
            return await behavior(request, context)
        except grpc.aio.AbortError:
            raise
        except InvalidInputError as error:
            await abort(
                context, grpc.StatusCode.INVALID_ARGUMENT, str(error), bad_request([(error.field, error.message, "")])
            )
        except NotFoundError as error:
            await abort(context, grpc.StatusCode.NOT_FOUND, str(error))
        except DomainError as error:
            await abort(context, grpc.StatusCode.FAILED_PRECONDITION, str(error))
        except Exception:
            log.exception("unhandled error", method=method)
            await abort(context, grpc.StatusCode.INTERNAL, "internal error")
