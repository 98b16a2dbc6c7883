import { createValidator, type Violation } from "@bufbuild/protovalidate";
import { pathToString } from "@bufbuild/protobuf/reflect";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";

const validator = createValidator();

/** describeViolation names the field and what is wrong with it, e.g. "audio.data: value length must be at least 1 bytes". */
function describeViolation(violation: Violation): string {
  const field = pathToString(violation.field);
  return field ? `${field}: ${violation.message}` : `${violation.ruleId}: ${violation.message}`;
}

/**
 * Checks every unary request against the contract's protovalidate rules before it is sent,
 * so bad input fails here with INVALID_ARGUMENT naming the field instead of costing a round trip.
 */
export const validateRequests: Interceptor = (next) => async (request) => {
  if (!request.stream) {
    const result = validator.validate(request.method.input, request.message);
    if (result.kind === "invalid") {
      throw new ConnectError(result.violations.map(describeViolation).join("; "), Code.InvalidArgument);
    }
    if (result.kind === "error") throw new ConnectError(result.error.message, Code.Internal, undefined, undefined, result.error);
  }
  return next(request);
};
