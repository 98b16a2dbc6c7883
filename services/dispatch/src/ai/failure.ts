// What a failed provider call means for the route: try the same deployment again, move on to the
// next one, or stop because the request itself is at fault.
import { APICallError } from "@ai-sdk/provider";
import { Code, ConnectError } from "@connectrpc/connect";

/** retry: transient (timeout, 408, 409, 429, 5xx, network); next: this deployment is unusable (401, 403, 404, bad answer); final: the request is at fault (other 4xx). */
export type FailureKind = "retry" | "next" | "final";

/** AttemptTimeout is one call to a deployment taking longer than the deployment's timeout. */
export class AttemptTimeout extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = "AttemptTimeout";
  }
}

export function classify(error: unknown): FailureKind {
  if (error instanceof AttemptTimeout) return "retry";
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined || error.isRetryable) return "retry";
    if (status === 401 || status === 403 || status === 404) return "next";
    return "final";
  }
  if (error instanceof TypeError) return "retry"; // fetch's network failures
  return "next";
}

/** describeFailure is a short, secret-free account of a failure for logs, metrics and messages. */
export function describeFailure(error: unknown): string {
  if (APICallError.isInstance(error)) return error.statusCode === undefined ? "network error" : `HTTP ${error.statusCode}`;
  if (error instanceof AttemptTimeout) return "timeout";
  return error instanceof Error ? error.name : "error";
}

/** refused is the caller's error when a provider refuses the request itself (a 4xx that no other deployment would accept). */
export function refused(deployment: string, error: unknown): ConnectError {
  const detail = APICallError.isInstance(error) ? error.message : describeFailure(error);
  return new ConnectError(`messages: ${deployment} refused the request (${describeFailure(error)}): ${detail}`, Code.InvalidArgument);
}
