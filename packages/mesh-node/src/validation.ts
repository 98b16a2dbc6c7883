// Request validation with protovalidate: the rules live in the contracts (buf.validate annotations).
import { create, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { pathToString } from "@bufbuild/protobuf/reflect";
import { createValidator, type Validator } from "@bufbuild/protovalidate";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import { BadRequestSchema } from "@aivo/gen/google/rpc/error_details_pb.js";

/**
 * checkMessage throws INVALID_ARGUMENT when `message` breaks a rule of its schema. The message names
 * every broken field ("session.child_age_months: value must be greater than 0"); the violations
 * also travel as a google.rpc.BadRequest error detail, the one the brain sends, so a client reads
 * bad input the same way whichever service refused it.
 */
export function checkMessage<Desc extends DescMessage>(validator: Validator, schema: Desc, message: MessageShape<Desc>): void {
  const result = validator.validate(schema, message);
  if (result.kind === "valid") return;
  if (result.kind === "error") throw new ConnectError(`validation failed: ${result.error.message}`, Code.Internal);
  const fieldViolations = result.violations.map((v) => ({ field: pathToString(v.field), description: v.message, reason: v.ruleId }));
  const text = fieldViolations.map((v) => `${v.field || schema.typeName}: ${v.description}`).join("; ");
  throw new ConnectError(text, Code.InvalidArgument, undefined, [{ desc: BadRequestSchema, value: create(BadRequestSchema, { fieldViolations }) }]);
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
