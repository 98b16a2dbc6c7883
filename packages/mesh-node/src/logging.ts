// One JSON log line per call (docs/conventions.md, "Logs"): identity, method, duration and status,
// never bodies or tokens. logCall is also used by code that forwards calls without Connect.
import type { Interceptor } from "@connectrpc/connect";
import { outcomeInterceptor } from "./call-outcome.js";
import type { Logger } from "./logger.js";
import { readIdentity, statusName, type CallIdentity } from "./metadata.js";

/** CallRecord is what a log line says about one call. */
export interface CallRecord extends CallIdentity {
  /** method is "package.Service/Method". */
  method: string;
  /** durationMs is the time the call took here, in milliseconds. */
  durationMs: number;
  /** status is the gRPC status name, "OK" on success. */
  status: string;
  /** error is the error message of a failed call. */
  error?: string;
}

// Statuses that point at a fault of this mesh rather than of the caller.
const SERVER_FAULTS = new Set(["INTERNAL", "UNKNOWN", "DATA_LOSS", "UNAVAILABLE"]);

/** logCall writes the line for one call: info when OK, warn for caller errors, error for server faults. */
export function logCall(logger: Logger, call: CallRecord): void {
  const level = call.status === "OK" ? "info" : SERVER_FAULTS.has(call.status) ? "error" : "warn";
  logger[level](
    {
      request_id: call.requestId,
      tenant_id: call.tenantId,
      learner_id: call.learnerId,
      method: call.method,
      duration_ms: Math.round(call.durationMs * 1000) / 1000,
      status: call.status,
      error: call.error,
    },
    "call",
  );
}

/** loggingInterceptor logs every incoming call once it has finished. */
export function loggingInterceptor(logger: Logger): Interceptor {
  return outcomeInterceptor(({ method, headers, durationMs, code, error }) =>
    logCall(logger, { ...readIdentity(headers), method, durationMs, status: statusName(code), error: error?.rawMessage }),
  );
}
