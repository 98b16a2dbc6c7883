// Checks of what the gateway depends on, each timed: the brain (which also reports its database and
// Redis) and dispatch. Plain functions over the upstreams' transports.
import { randomUUID } from "node:crypto";
import { createClient } from "@connectrpc/connect";
import { Header, HealthService, ServingStatus } from "@aivo/mesh-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import type { GetServiceStatusResponse } from "@aivo/gen/aivo/brain/v1/status_pb.js";
import type { Upstream } from "../upstreams.js";

/** CHECK_TIMEOUT_MS bounds each check, in milliseconds. */
export const CHECK_TIMEOUT_MS = 2000;

/** Check is one dependency's state, as the seed's health JSON writes it. */
export interface Check {
  status: "healthy" | "unhealthy";
  /** latencyMs is how long the check took, in milliseconds. */
  latencyMs: number;
}

export interface BrainCheck extends Check {
  /** version is the brain's release version; absent when it did not answer. */
  version?: string;
  /** dependencies are the brain's own checks (database, redis), by name. */
  dependencies: Map<string, Check>;
}

/** checkBrain asks the brain for its status (GetServiceStatus) with the gateway's service token. */
export async function checkBrain(brain: Upstream): Promise<BrainCheck> {
  const client = createClient(BrainService, brain.transport);
  const started = performance.now();
  let answer: GetServiceStatusResponse;
  try {
    const headers = { [Header.authorization]: `Bearer ${await brain.token()}`, [Header.requestId]: randomUUID() };
    answer = await client.getServiceStatus({}, { headers, timeoutMs: CHECK_TIMEOUT_MS });
  } catch {
    return { status: "unhealthy", latencyMs: elapsed(started), dependencies: new Map() };
  }
  const dependencies = new Map(
    answer.dependencies.map((d): [string, Check] => [d.name, { status: d.healthy ? "healthy" : "unhealthy", latencyMs: round(d.latencyMs) }]),
  );
  return { status: "healthy", latencyMs: elapsed(started), version: answer.version, dependencies };
}

/** checkService asks an upstream's grpc.health.v1 Health whether it is serving. */
export async function checkService(upstream: Upstream): Promise<Check> {
  const client = createClient(HealthService, upstream.transport);
  const started = performance.now();
  try {
    const { status } = await client.check({ service: "" }, { timeoutMs: CHECK_TIMEOUT_MS });
    return { status: status === ServingStatus.SERVING ? "healthy" : "unhealthy", latencyMs: elapsed(started) };
  } catch {
    return { status: "unhealthy", latencyMs: elapsed(started) };
  }
}

function elapsed(started: number): number {
  return round(performance.now() - started);
}

// One decimal: loopback checks take well under a millisecond.
function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
