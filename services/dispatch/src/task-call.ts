import { type DescMethodUnary, type Message } from "@bufbuild/protobuf";
import { pathToString } from "@bufbuild/protobuf/reflect";
import { anyUnpack, type Any } from "@bufbuild/protobuf/wkt";
import { createValidator, type Violation } from "@bufbuild/protovalidate";
import { Code, ConnectError } from "@connectrpc/connect";
import type { RoutingTable } from "./routing-table.js";

/** TaskCall is a routed task: the brain RPC that serves it and its request, checked against the contract. */
export interface TaskCall {
  method: DescMethodUnary;
  request: Message;
}

function invalid(message: string): ConnectError {
  return new ConnectError(message, Code.InvalidArgument);
}

/** Names the field under RouteTaskRequest.input, e.g. "input.session.child_age_months: value must be ...". */
function describe(violation: Violation): string {
  const field = pathToString(violation.field);
  return field ? `input.${field}: ${violation.message}` : `input: ${violation.message} [${violation.ruleId}]`;
}

/**
 * taskCalls resolves a task name and its packed input into a brain call. An unknown task, an input
 * of another type and an input breaking the contract's rules are INVALID_ARGUMENT naming the field.
 */
export function taskCalls(table: RoutingTable): (task: string, input: Any | undefined) => TaskCall {
  const validator = createValidator();
  const known = [...table.keys()].sort().join(", ");
  const unpack = (method: DescMethodUnary, input: Any | undefined): Message | undefined => {
    try {
      return input && anyUnpack(input, method.input);
    } catch {
      return undefined; // the right type name over bytes that do not parse as that type
    }
  };
  return (task, input) => {
    const method = table.get(task);
    if (method === undefined) throw invalid(`task: unknown task "${task}"; known tasks: ${known}`);
    const request = unpack(method, input);
    if (request === undefined) {
      throw invalid(`input: must be a packed ${method.input.typeName} for task "${task}", got ${input?.typeUrl || "nothing"}`);
    }
    const result = validator.validate(method.input, request);
    if (result.kind === "invalid") throw invalid(result.violations.map(describe).join("; "));
    if (result.kind === "error") throw new ConnectError(`rules of ${method.input.typeName} failed to run`, Code.Internal, undefined, undefined, result.error);
    return { method, request };
  };
}
