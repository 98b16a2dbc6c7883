// Prometheus metrics of calls (DESIGN.md, "Conventions"): latency by method (the task type),
// errors by service and code, throughput by endpoint. observe is also used outside Connect.
import type { Interceptor } from "@connectrpc/connect";
import { Counter, Histogram, Registry } from "prom-client";
import { outcomeInterceptor } from "./call-outcome.js";
import { statusName } from "./metadata.js";

/** CallMetrics records finished calls into `registry`, which /metrics serves. */
export interface CallMetrics {
  registry: Registry;
  /** observe records one call: method "package.Service/Method", gRPC status name, duration in ms. */
  observe(method: string, status: string, durationMs: number): void;
}

/** LATENCY_BUCKETS_SECONDS suit calls from a fraction of a millisecond to tens of seconds. */
export const LATENCY_BUCKETS_SECONDS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * createCallMetrics registers three metrics, labelled with this `service`:
 * aivo_rpc_duration_seconds{service,method}, aivo_rpc_errors_total{service,code} and
 * aivo_rpc_requests_total{service,endpoint}. A fresh registry is made unless one is given.
 */
export function createCallMetrics(service: string, registry = new Registry()): CallMetrics {
  const latency = new Histogram({
    name: "aivo_rpc_duration_seconds",
    help: "Time to answer a call, by method (task type), in seconds.",
    labelNames: ["service", "method"],
    buckets: LATENCY_BUCKETS_SECONDS,
    registers: [registry],
  });
  const errors = new Counter({
    name: "aivo_rpc_errors_total",
    help: "Failed calls, by service and gRPC status code.",
    labelNames: ["service", "code"],
    registers: [registry],
  });
  const throughput = new Counter({
    name: "aivo_rpc_requests_total",
    help: "Calls answered, by endpoint.",
    labelNames: ["service", "endpoint"],
    registers: [registry],
  });
  return {
    registry,
    observe(method, status, durationMs) {
      latency.observe({ service, method }, durationMs / 1000);
      throughput.inc({ service, endpoint: `/${method}` });
      if (status !== "OK") errors.inc({ service, code: status });
    },
  };
}

/** metricsInterceptor records every incoming call once it has finished. */
export function metricsInterceptor(metrics: CallMetrics): Interceptor {
  return outcomeInterceptor(({ method, durationMs, code }) => metrics.observe(method, statusName(code), durationMs));
}
