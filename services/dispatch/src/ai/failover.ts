// Runs one attempt function over an alias's deployments in order: retries with exponential backoff
// and full jitter, skips deployments that are cooling down, fails over on transient failures and
// stops at the first failure caused by the request, all within the caller's signal (its deadline).
import { Code, ConnectError } from "@connectrpc/connect";
import type { Deployment } from "./ai-config.js";
import type { Cooldowns } from "./cooldown.js";
import { deadline } from "./deadline.js";
import { AttemptTimeout, classify, describeFailure, refused } from "./failure.js";

export interface RetryPolicy {
  /** retries is how many times one deployment is tried again after a transient failure. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface FailoverOptions {
  retry: RetryPolicy;
  cooldowns: Cooldowns;
  /** signal ends the whole chain: the caller went away or the request's deadline passed. */
  signal: AbortSignal;
  /** onFailure hears of every failed attempt, for logs and metrics. */
  onFailure?: (deployment: Deployment, error: unknown, failedOver: boolean) => void;
  random?: () => number;
}

export interface Answered<T> {
  value: T;
  deployment: Deployment;
  attempts: number;
}

export const deploymentKey = (d: Deployment) => `${d.provider}/${d.model}`;

/** backoffMs is full jitter over an exponential ceiling: uniform in [0, min(max, base * 2^retry)). */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  return random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

/**
 * Runs `attempt` under the deployment's own timeout, turning that timeout into an AttemptTimeout.
 * The timeout ends when the attempt resolves, so a stream that has started is bound only by `signal`.
 */
async function withTimeout<T>(deployment: Deployment, signal: AbortSignal, attempt: (d: Deployment, signal: AbortSignal) => PromiseLike<T>): Promise<T> {
  const timeout = deadline(signal, deployment.timeoutMs, () => new AttemptTimeout(deployment.timeoutMs));
  try {
    return await attempt(deployment, timeout.signal);
  } catch (error) {
    throw timeout.signal.reason instanceof AttemptTimeout ? timeout.signal.reason : error;
  } finally {
    timeout.clear();
  }
}

/**
 * failover returns the first answer of `attempt` over `deployments`. Deployments cooling down go
 * last, so they are only tried when every other one failed. Errors: the request's own fault is
 * INVALID_ARGUMENT, a passed deadline DEADLINE_EXCEEDED, a cancelled call CANCELED, and every
 * deployment failing UNAVAILABLE naming the last failure.
 */
export async function failover<T>(
  deployments: readonly Deployment[],
  attempt: (deployment: Deployment, signal: AbortSignal) => PromiseLike<T>,
  { retry, cooldowns, signal, onFailure, random = Math.random }: FailoverOptions,
): Promise<Answered<T>> {
  const cooling = (d: Deployment) => cooldowns.isCooling(deploymentKey(d));
  const ordered = [...deployments.filter((d) => !cooling(d)), ...deployments.filter(cooling)];
  let attempts = 0;
  let last = "no deployment has a configured provider";
  for (const [index, deployment] of ordered.entries()) {
    const key = deploymentKey(deployment);
    for (let tried = 0; tried <= retry.retries; tried++) {
      if (signal.aborted) throw stopped(signal, last);
      attempts++;
      try {
        const value = await withTimeout(deployment, signal, attempt);
        cooldowns.succeeded(key);
        return { value, deployment, attempts };
      } catch (error) {
        if (signal.aborted) throw stopped(signal, `${key}: ${describeFailure(error)}`);
        const kind = classify(error);
        if (kind === "final") throw refused(key, error);
        cooldowns.failed(key);
        last = `${key}: ${describeFailure(error)}`;
        const moveOn = kind === "next" || tried === retry.retries;
        onFailure?.(deployment, error, moveOn && index < ordered.length - 1);
        if (moveOn) break;
        await sleep(backoffMs(tried, retry, random), signal);
      }
    }
  }
  if (signal.aborted) throw stopped(signal, last);
  throw new ConnectError(`every deployment failed; last: ${last}`, Code.Unavailable);
}

function stopped(signal: AbortSignal, last: string): ConnectError {
  const reason: unknown = signal.reason;
  const timedOut = (reason instanceof ConnectError && reason.code === Code.DeadlineExceeded) || (reason as Error | undefined)?.name === "TimeoutError";
  return timedOut
    ? new ConnectError(`deadline passed before a deployment answered; last: ${last}`, Code.DeadlineExceeded)
    : new ConnectError("the call was cancelled", Code.Canceled);
}
