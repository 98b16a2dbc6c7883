// The seed's health JSON (/health/detailed): each dependency healthy or not, and the whole
// "healthy" when all are, "unhealthy" when the brain is unreachable, "degraded" otherwise.
import type { BrainCheck, Check } from "./checks.js";

export type OverallStatus = "healthy" | "degraded" | "unhealthy";

export interface DetailedHealth {
  status: OverallStatus;
  /** timestamp is when the report was made, ISO 8601. */
  timestamp: string;
  /** uptime is the time since the gateway started, in seconds. */
  uptime: number;
  services: {
    database: Check;
    redis: Check;
    brainService: Check & { version?: string };
    modelDispatch: Check;
  };
}

/** detailedHealth assembles the report from the brain's and dispatch's checks. */
export function detailedHealth(brain: BrainCheck, dispatch: Check, now: Date, uptimeSeconds: number): DetailedHealth {
  // Without the brain there is no word on its database and Redis: they count as unhealthy.
  const dependency = (name: string): Check => brain.dependencies.get(name) ?? { status: "unhealthy", latencyMs: 0 };
  const services = {
    database: dependency("database"),
    redis: dependency("redis"),
    brainService: { status: brain.status, latencyMs: brain.latencyMs, version: brain.version },
    modelDispatch: dispatch,
  };
  const allHealthy = Object.values(services).every((check) => check.status === "healthy");
  return {
    status: brain.status === "unhealthy" ? "unhealthy" : allHealthy ? "healthy" : "degraded",
    timestamp: now.toISOString(),
    uptime: Math.floor(uptimeSeconds),
    services,
  };
}
