import { Code, ConnectError } from "@connectrpc/connect";

/**
 * HTTP status per gRPC code, as the Connect protocol maps them, except DEADLINE_EXCEEDED:
 * the seed's timeout error is 408.
 */
const httpStatus: Record<Code, number> = {
  [Code.Canceled]: 499,
  [Code.Unknown]: 500,
  [Code.InvalidArgument]: 400,
  [Code.DeadlineExceeded]: 408,
  [Code.NotFound]: 404,
  [Code.AlreadyExists]: 409,
  [Code.PermissionDenied]: 403,
  [Code.ResourceExhausted]: 429,
  [Code.FailedPrecondition]: 400,
  [Code.Aborted]: 409,
  [Code.OutOfRange]: 400,
  [Code.Unimplemented]: 501,
  [Code.Internal]: 500,
  [Code.Unavailable]: 503,
  [Code.DataLoss]: 500,
  [Code.Unauthenticated]: 401,
};

/** A failed brain call: `code` is the gRPC status code, `statusCode` its HTTP equivalent. */
export class BrainServiceError extends Error {
  readonly statusCode: number;

  constructor(
    message: string,
    readonly code: Code,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
    this.statusCode = httpStatus[code];
  }
}

/** The call ran out of time (DEADLINE_EXCEEDED, 408). */
export class BrainServiceTimeoutError extends BrainServiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, Code.DeadlineExceeded, options);
  }
}

/** The brain could not be reached or is not serving (UNAVAILABLE, 503). */
export class BrainServiceUnavailableError extends BrainServiceError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, Code.Unavailable, options);
  }
}

/**
 * Turns anything a call threw into the matching BrainServiceError. The ConnectError stays
 * as the cause, so its metadata and error details remain reachable.
 */
export function toBrainServiceError(reason: unknown): BrainServiceError {
  if (reason instanceof BrainServiceError) return reason;
  const error = ConnectError.from(reason);
  const options = { cause: error };
  switch (error.code) {
    case Code.DeadlineExceeded:
      return new BrainServiceTimeoutError(error.rawMessage, options);
    case Code.Unavailable:
      return new BrainServiceUnavailableError(error.rawMessage, options);
    default:
      return new BrainServiceError(error.rawMessage, error.code, options);
  }
}
