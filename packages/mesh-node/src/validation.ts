// Request validation with protovalidate: the rules live in the contracts (buf.validate annotations).
import type { DescMessage, MessageShape } from "@bufbuild/protobuf";
import { pathToString } from "@bufbuild/protobuf/reflect";
import { createValidator, violationsToProto, type Validator } from "@bufbuild/protovalidate";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";

/**
 * checkMessage throws INVALID_ARGUMENT when `message` breaks a rule of its schema. The message names
 * every broken field ("session.child_age_months: value must be greater than 0"); the violations
 * also travel as a buf.validate.Violations error detail.
 */
export function checkMessage<Desc extends DescMessage>(validator: Validator, schema: Desc, message: MessageShape<Desc>): void {
  const result = validator.validate(schema, message);
  if (result.kind === "valid") return;
  if (result.kind === "error") throw new ConnectError(`validation failed: ${result.error.message}`, Code.Internal);
  const text = result.violations.map((v) => `${pathToString(v.field) || schema.typeName}: ${v.message}`).join("; ");
  const [violations, desc] = violationsToProto(result.violations);
  throw new ConnectError(text, Code.InvalidArgument, undefined, [{ desc, value: violations }]);
}

/** validationInterceptor checks every incoming request message, streamed ones as they arrive. */
export function validationInterceptor(validator: Validator = createValidator()): Interceptor {
  return (next) => async (req) => {
    const schema = req.method.input;
    if (!req.stream) {
      checkMessage(validator, schema, req.message);
      return next(req);
    }
    const messages = req.message;
    return next({
      ...req,
      message: (async function* () {
        for await (const message of messages) {
          checkMessage(validator, schema, message);
          yield message;
        }
      })(),
    });
  };
}
