import { createClient, createRouterTransport } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { HealthService, healthService, HealthStatus, ServingStatus } from "./health.js";

function healthClient(status: HealthStatus) {
  return createClient(HealthService, createRouterTransport((router) => router.service(HealthService, healthService(status))));
}

describe("health service", () => {
  it("answers Check per service, and NOT_FOUND for a service it does not know", async () => {
    const status = new HealthStatus(["aivo.brain.v1.BrainService"]);
    status.set("aivo.brain.v1.BrainService", ServingStatus.NOT_SERVING);
    const client = healthClient(status);

    expect((await client.check({ service: "" })).status).toBe(ServingStatus.SERVING);
    expect((await client.check({ service: "aivo.brain.v1.BrainService" })).status).toBe(ServingStatus.NOT_SERVING);
    await expect(client.check({ service: "nope.Service" })).rejects.toThrow(/unknown service "nope.Service"/);
  });

  it("streams every change of status to a watcher", async () => {
    const status = new HealthStatus(["svc"]);
    const client = healthClient(status);
    const abort = new AbortController();
    const seen: ServingStatus[] = [];

    const stream = client.watch({ service: "svc" }, { signal: abort.signal });
    for await (const { status: value } of stream) {
      seen.push(value);
      if (seen.length === 1) status.set("svc", ServingStatus.NOT_SERVING);
      if (seen.length === 2) break;
    }
    abort.abort();

    expect(seen).toEqual([ServingStatus.SERVING, ServingStatus.NOT_SERVING]);
  });

  it("tells a watcher of an unknown service SERVICE_UNKNOWN instead of failing", async () => {
    const client = healthClient(new HealthStatus([]));

    for await (const { status } of client.watch({ service: "later.Service" })) {
      expect(status).toBe(ServingStatus.SERVICE_UNKNOWN);
      break;
    }
  });

  it("marks every service NOT_SERVING on shutdown", async () => {
    const status = new HealthStatus(["a", "b"]);

    status.shutdown();
    const { statuses } = await healthClient(status).list({});

    expect(Object.fromEntries(Object.entries(statuses).map(([name, r]) => [name, r.status]))).toEqual({
      "": ServingStatus.NOT_SERVING,
      a: ServingStatus.NOT_SERVING,
      b: ServingStatus.NOT_SERVING,
    });
  });
});
