// Prometheus metrics per provider and model: call latency, errors, failovers, tokens and cost.
import { Counter, Histogram, type Registry } from "prom-client";
import { LATENCY_BUCKETS_SECONDS } from "@aivo/mesh-node";

export interface ProviderMetrics {
  call(provider: string, model: string, outcome: string, durationMs: number): void;
  failover(alias: string, provider: string, model: string): void;
  usage(provider: string, model: string, inputTokens: number, outputTokens: number, costNanoUsd: number): void;
}

export function providerMetrics(registry: Registry): ProviderMetrics {
  const registers = [registry];
  const latency = new Histogram({
    name: "aivo_ai_provider_duration_seconds",
    help: "Time of one provider call (to the whole answer, or to the first token when streaming), in seconds.",
    labelNames: ["provider", "model", "outcome"],
    buckets: LATENCY_BUCKETS_SECONDS,
    registers,
  });
  const errors = new Counter({ name: "aivo_ai_provider_errors_total", help: "Failed provider calls, by outcome.", labelNames: ["provider", "model", "outcome"], registers });
  const failovers = new Counter({ name: "aivo_ai_failovers_total", help: "Requests moved from a deployment to the next.", labelNames: ["alias", "provider", "model"], registers });
  const tokens = new Counter({ name: "aivo_ai_tokens_total", help: "Tokens used, by direction.", labelNames: ["provider", "model", "direction"], registers });
  const cost = new Counter({ name: "aivo_ai_cost_nano_usd_total", help: "Cost of answered requests, in nano-dollars.", labelNames: ["provider", "model"], registers });
  return {
    call(provider, model, outcome, durationMs) {
      latency.observe({ provider, model, outcome }, durationMs / 1000);
      if (outcome !== "ok") errors.inc({ provider, model, outcome });
    },
    failover: (alias, provider, model) => failovers.inc({ alias, provider, model }),
    usage(provider, model, inputTokens, outputTokens, costNanoUsd) {
      tokens.inc({ provider, model, direction: "input" }, inputTokens);
      tokens.inc({ provider, model, direction: "output" }, outputTokens);
      cost.inc({ provider, model }, costNanoUsd);
    },
  };
}
