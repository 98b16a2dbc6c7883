import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { Code } from "@connectrpc/connect";
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayConfig, startGateway, startUpstream, userToken } from "../test-fixtures.js";
import { createRateLimit } from "./rate-limit.js";

async function exhaust(consume: (tenant: string) => Promise<void>, tenant: string, calls: number) {
  const results: (Code | "OK")[] = [];
  for (let i = 0; i < calls; i++) {
    results.push(await consume(tenant).then(() => "OK" as const, (error: { code: Code }) => error.code));
  }
  return results;
}

describe("per-tenant rate limit in process memory", () => {
  it("refuses the call beyond the limit with RESOURCE_EXHAUSTED and the time to wait", async () => {
    const consume = createRateLimit({ perMinute: 2 });

    const results = await exhaust(consume, "tenant-a", 3);

    expect(results).toEqual(["OK", "OK", Code.ResourceExhausted]);
    await expect(consume("tenant-a")).rejects.toThrow(/rate limit of 2 calls per minute reached for tenant tenant-a: retry in \d+ s/);
  });

  it("counts each tenant on its own", async () => {
    const consume = createRateLimit({ perMinute: 1 });
    await consume("tenant-a");

    await expect(consume("tenant-b")).resolves.toBeUndefined();
  });
});

describe("per-tenant rate limit through the gateway", () => {
  it.each([
    ["in process memory", {}],
    ["in memory while Redis is unreachable", { REDIS_URL: "redis://127.0.0.1:1" }],
  ])("refuses a tenant over its limit %s", async (_mode, env) => {
    const upstream = await startUpstream();
    const gateway = await startGateway(gatewayConfig(upstream.url, { RATE_LIMIT_PER_MINUTE: "2", ...env }));
    const brain = createClient(BrainService, createGrpcTransport({ baseUrl: gateway.baseUrl }));
    const headers = { authorization: `Bearer ${await userToken()}` };

    const results = await exhaust(() => brain.getServiceStatus({}, { headers }).then(() => undefined), "", 3);
    await gateway.close();
    await upstream.close();

    expect(results).toEqual(["OK", "OK", Code.ResourceExhausted]);
  });
});

const REDIS_SERVER = "/usr/bin/redis-server";

describe.skipIf(!existsSync(REDIS_SERVER))("per-tenant rate limit in Redis", () => {
  let server: ChildProcess;
  let redisUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    server = spawn(REDIS_SERVER, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    redisUrl = `redis://127.0.0.1:${port}`;
    // Retry until redis-server is up, quietly.
    const probe = new Redis(redisUrl, { retryStrategy: () => 50 }).on("error", () => {});
    await probe.ping();
    probe.disconnect();
  });
  afterAll(() => {
    server.kill();
  });

  it("shares one count between gateway processes", async () => {
    const [first, second] = [new Redis(redisUrl), new Redis(redisUrl)];
    const [a, b] = [createRateLimit({ perMinute: 2, redis: first }), createRateLimit({ perMinute: 2, redis: second })];

    const results = [...(await exhaust(a, "tenant-shared", 1)), ...(await exhaust(b, "tenant-shared", 2))];
    first.disconnect();
    second.disconnect();

    expect(results).toEqual(["OK", "OK", Code.ResourceExhausted]);
  });

  it("refuses a tenant over its limit through the gateway when REDIS_URL is set", async () => {
    const upstream = await startUpstream();
    const gateway = await startGateway(gatewayConfig(upstream.url, { REDIS_URL: redisUrl, RATE_LIMIT_PER_MINUTE: "2" }));
    const brain = createClient(BrainService, createGrpcTransport({ baseUrl: gateway.baseUrl }));
    const headers = { authorization: `Bearer ${await userToken({ tenant_id: "tenant-through-gateway" })}` };

    const results = await exhaust(() => brain.getServiceStatus({}, { headers }).then(() => undefined), "", 3);
    const refusal = await brain.getServiceStatus({}, { headers }).catch((error: Error) => error.message);
    await gateway.close();
    await upstream.close();

    expect(results).toEqual(["OK", "OK", Code.ResourceExhausted]);
    expect(refusal).toMatch(/retry in \d+ s/);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
