import { describe, expect, it } from "vitest";
import type { BrainCheck, Check } from "./checks.js";
import { detailedHealth } from "./report.js";

const healthy: Check = { status: "healthy", latencyMs: 1 };
const unhealthy: Check = { status: "unhealthy", latencyMs: 2000 };
const brainWith = (database: Check, redis: Check): BrainCheck => ({
  ...healthy,
  version: "1.0.0",
  dependencies: new Map([
    ["database", database],
    ["redis", redis],
  ]),
});

describe("detailedHealth", () => {
  it.each([
    ["everything answers", brainWith(healthy, healthy), healthy, "healthy"],
    ["dispatch is down", brainWith(healthy, healthy), unhealthy, "degraded"],
    ["the brain's Redis is down", brainWith(healthy, unhealthy), healthy, "degraded"],
    ["the brain is down", { ...unhealthy, dependencies: new Map() }, healthy, "unhealthy"],
  ] as const)("when %s it is %s", (_case, brain, dispatch, status) => {
    expect(detailedHealth(brain, dispatch, new Date(0), 12.7).status).toBe(status);
  });

  it("writes the time as ISO 8601 and the uptime in whole seconds", () => {
    const report = detailedHealth(brainWith(healthy, healthy), healthy, new Date("2025-12-04T14:30:00.000Z"), 3600.9);

    expect(report.timestamp).toBe("2025-12-04T14:30:00.000Z");
    expect(report.uptime).toBe(3600);
  });
});
