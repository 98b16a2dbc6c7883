"""Errors that domain code raises; the servicer layer maps them to gRPC status codes in one place."""


class DomainError(Exception):
    """A request the domain cannot serve."""


class InvalidInputError(DomainError):
    """Input that passed the contract's rules but makes no sense to the domain (INVALID_ARGUMENT)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def __reduce__(self):  # crosses process boundaries whole (speech analysis runs in a worker process)
        return type(self), (self.field, self.message)


class NotFoundError(DomainError):
    """A request naming something the caller has no such thing of (NOT_FOUND)."""


class PreconditionError(DomainError):
    """A request that is well formed but not possible in the current state (FAILED_PRECONDITION)."""
