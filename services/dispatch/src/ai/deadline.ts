// A signal that aborts with its parent, or with `reason()` once `ms` have passed. AbortSignal.any and
// AbortSignal.timeout do the same, but in Node 20 each signal they make is tracked with weak references
// and a finalization registry: together about 40 µs a call, a sizeable share of the time dispatch adds
// to a provider call (bench/dispatch.ts).

export interface Deadline {
  signal: AbortSignal;
  /** clear stops the clock once the work it bounds is over; the signal still follows its parent. */
  clear(): void;
}

export function deadline(parent: AbortSignal, ms: number, reason: () => unknown): Deadline {
  const controller = new AbortController();
  if (parent.aborted) controller.abort(parent.reason);
  else parent.addEventListener("abort", () => controller.abort(parent.reason), { once: true });
  const timer = setTimeout(() => controller.abort(reason()), ms);
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}
