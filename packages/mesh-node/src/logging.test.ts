import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { afterEach, describe, expect, it } from "vitest";
import { HealthService } from "./health.js";
import { startTestServer } from "./test-server.js";

describe("call logging, request IDs and metrics", () => {
  let running: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => {
    await running?.server.close();
    running = undefined;
  });

  async function call(service: string, headers: Record<string, string> = {}) {
    running ??= await startTestServer();
    const client = createClient(HealthService, createGrpcTransport({ baseUrl: running.baseUrl }));
    return client.check({ service }, { headers }).catch((error: unknown) => error);
  }

  it("logs one line per call with identity, method, status and duration, and no token", async () => {
    await call("", { "x-request-id": "req-12345678", "x-tenant-id": "t1", "x-learner-id": "l1", authorization: "Bearer secret-token" });

    const line = running!.lines.find((l) => l.msg === "call");
    expect(line).toMatchObject({
      service: "test",
      level: "info",
      request_id: "req-12345678",
      tenant_id: "t1",
      learner_id: "l1",
      method: "grpc.health.v1.Health/Check",
      status: "OK",
    });
    expect(line?.duration_ms).toEqual(expect.any(Number));
    expect(JSON.stringify(running!.lines)).not.toContain("secret-token");
  });

  it("logs a failed call with its status name and error", async () => {
    await call("unknown.Service");

    expect(running!.lines.find((l) => l.msg === "call")).toMatchObject({ level: "warn", status: "NOT_FOUND", error: 'unknown service "unknown.Service"' });
  });

  it("makes a request ID when the caller sends none, and refuses a malformed one", async () => {
    await call("");
    const refused = await call("", { "x-request-id": "bad id" });

    expect(running!.lines.find((l) => l.msg === "call")?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(refused).toMatchObject({ code: 3, rawMessage: expect.stringContaining("x-request-id") });
  });

  it("counts calls by endpoint, errors by code and latency by method", async () => {
    await call("");
    await call("unknown.Service");

    const text = await (await fetch(`${running!.baseUrl}/metrics`)).text();

    expect(text).toContain('aivo_rpc_requests_total{service="test",endpoint="/grpc.health.v1.Health/Check"} 2');
    expect(text).toContain('aivo_rpc_errors_total{service="test",code="NOT_FOUND"} 1');
    expect(text).toContain('aivo_rpc_duration_seconds_count{service="test",method="grpc.health.v1.Health/Check"} 2');
  });
});
