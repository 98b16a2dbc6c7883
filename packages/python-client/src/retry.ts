import { setTimeout as sleep } from "node:timers/promises";
import type { DescMethod } from "@bufbuild/protobuf";
import { MethodOptions_IdempotencyLevel } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, type Transport } from "@connectrpc/connect";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { toBrainServiceError } from "./errors.js";

/** How failed calls are sent again (the seed's retry options). */
export type RetryOptions = {
  /** maxRetries is how many times a call is sent again after its first attempt; 0 disables retries. */
  maxRetries: number;
  /** retryDelayMs is the wait before the first retry, in milliseconds. */
  retryDelayMs: number;
  /** backoffMultiplier multiplies the wait after each retry. */
  backoffMultiplier: number;
};

/** The seed's example policy: 3 retries after 1 s, 2 s and 4 s. */
export const defaultRetryOptions: RetryOptions = { maxRetries: 3, retryDelayMs: 1000, backoffMultiplier: 2 };

/** retryOptions fills the parts `options` leaves unset from the defaults and refuses a negative or non-numeric one. */
export function retryOptions(options: Partial<RetryOptions> = {}): RetryOptions {
  const resolved = { ...defaultRetryOptions };
  for (const key of Object.keys(resolved) as (keyof RetryOptions)[]) {
    const value = options[key] ?? defaultRetryOptions[key];
    if (!Number.isFinite(value) || value < 0) throw new TypeError(`retry.${key} must be a number >= 0, got ${value}`);
    resolved[key] = value;
  }
  return resolved;
}

/** backoffDelayMs is the wait before retry number `retry` (counted from 0), in milliseconds. */
export function backoffDelayMs(options: RetryOptions, retry: number): number {
  return options.retryDelayMs * options.backoffMultiplier ** retry;
}

/**
 * RPCs sent once, whatever their failure: dispatch already retries and fails generation over between
 * providers within the caller's deadline, so its UNAVAILABLE means every provider failed (a retry would
 * multiply the wait), and a provider that answered may have been charged (a retry could charge twice).
 */
const sentOnce = new Set<DescMethod>([DispatchService.method.generate, DispatchService.method.generateStream]);

/**
 * Whether a call that failed with `code` may be sent again.
 * - Generate and GenerateStream: never (see sentOnce).
 * - UNAVAILABLE: the brain was not reached or refused to start the call, so retrying is safe for the other RPCs.
 * - DEADLINE_EXCEEDED: the brain may have run the call, so only RPCs the contract marks as
 *   NO_SIDE_EFFECTS or IDEMPOTENT are retried (each attempt gets its own timeout).
 * - Everything else, RESOURCE_EXHAUSTED included, is final: rate limits are per minute, so a retry within
 *   seconds only spends more of the quota, and an oversized message stays oversized.
 */
export function isRetryable(code: Code, method: DescMethod): boolean {
  if (sentOnce.has(method)) return false;
  switch (code) {
    case Code.Unavailable:
      return true;
    case Code.DeadlineExceeded:
      return method.idempotency !== MethodOptions_IdempotencyLevel.IDEMPOTENCY_UNKNOWN;
    default:
      return false;
  }
}

/**
 * Wraps a transport so unary calls are retried with exponential backoff and fail with a
 * BrainServiceError. Streams pass through untouched: a stream cannot be replayed once read.
 */
export function retrying(inner: Transport, options: RetryOptions): Transport {
  return {
    async unary(method, signal, timeoutMs, header, input, contextValues) {
      try {
        for (let retry = 0; ; retry++) {
          try {
            return await inner.unary(method, signal, timeoutMs, header, input, contextValues);
          } catch (reason) {
            const { code } = ConnectError.from(reason);
            if (retry >= options.maxRetries || !isRetryable(code, method)) throw reason;
            await sleep(backoffDelayMs(options, retry), undefined, { signal });
          }
        }
      } catch (reason) {
        throw toBrainServiceError(reason);
      }
    },
    stream: (...args) => inner.stream(...args),
  };
}
