import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { root } from "./mesh.ts";
import { serviceToken, userToken } from "./tokens.ts";

const mesh = inject("mesh");
const run = promisify(execFile);
const tool = (name: string) => join(root, ".tools/bin", name);
const hostOf = (url: string) => new URL(url).host;

const services = {
  brain: { url: mesh.brainUrl, serves: ["aivo.brain.v1.BrainService"] },
  gateway: { url: mesh.gatewayUrl, serves: ["aivo.brain.v1.BrainService", "aivo.dispatch.v1.DispatchService"] },
  dispatch: { url: mesh.dispatchUrl, serves: ["aivo.dispatch.v1.DispatchService"] },
};

describe.each(Object.entries(services))("grpcurl against the %s", (_, { url, serves }) => {
  it("lists its services through reflection", async () => {
    const { stdout } = await run(tool("grpcurl"), ["-plaintext", hostOf(url), "list"]);

    const listed = stdout.trim().split("\n");
    expect(listed).toEqual(expect.arrayContaining([...serves, "grpc.health.v1.Health"]));
  });

  it("describes a method with its request type", async () => {
    const service = serves[0]!;
    const method = service.endsWith("BrainService") ? "AnalyzeFocus" : "RouteTask";

    const { stdout } = await run(tool("grpcurl"), ["-plaintext", hostOf(url), "describe", `${service}.${method}`]);

    expect(stdout).toContain(`rpc ${method} (`);
  });

  it("reports SERVING to grpc_health_probe", async () => {
    const { stdout, stderr } = await run(tool("grpc_health_probe"), [`-addr=${hostOf(url)}`]);

    expect(stdout + stderr).toContain("status: SERVING");
  });
});

describe("grpcurl calling through the gateway", () => {
  it("gets a focus score with a JWT, describing the request from reflection", async () => {
    const token = await userToken(mesh.jwtSecret);
    const body = JSON.stringify({ session: { childAgeMonths: 84, events: [{ offsetMs: 1000, answer: { correct: true, responseTimeMs: 2500 } }] } });

    const { stdout } = await run(tool("grpcurl"), [
      "-plaintext", "-H", `authorization: Bearer ${token}`, "-d", body,
      hostOf(mesh.gatewayUrl), "aivo.brain.v1.BrainService/AnalyzeFocus",
    ]);

    expect(JSON.parse(stdout).score).toBeGreaterThan(0);
  });
});

describe("grpcurl calling dispatch directly", () => {
  it("runs a seed task whose Any input it wrote as JSON from reflection", async () => {
    const token = await serviceToken(mesh.serviceTokenSecret, "dispatch");
    const body = JSON.stringify({
      task: "attention_analysis",
      input: { "@type": "type.googleapis.com/aivo.brain.v1.AnalyzeAttentionRequest", session: { childAgeMonths: 84 } },
    });

    const { stdout } = await run(tool("grpcurl"), [
      "-plaintext", "-H", `authorization: Bearer ${token}`, "-d", body,
      hostOf(mesh.dispatchUrl), "aivo.dispatch.v1.DispatchService/RouteTask",
    ]);

    expect(JSON.parse(stdout)).toMatchObject({ method: "aivo.brain.v1.BrainService/AnalyzeAttention" });
  });
});

describe("the gateway's health endpoints", () => {
  const get = async (path: string) => {
    const response = await fetch(`${mesh.gatewayUrl}${path}`);
    return { status: response.status, body: await response.json() };
  };

  it("GET /health says healthy", async () => {
    const { status, body } = await get("/health");

    expect(status).toBe(200);
    expect(body.status).toBe("healthy");
  });

  it("GET /ready says the database is reachable", async () => {
    const { status } = await get("/ready");

    expect(status).toBe(200);
  });

  it("GET /health/detailed has the seed's shape with every service healthy", async () => {
    const { status, body } = await get("/health/detailed");

    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: "healthy",
      timestamp: expect.any(String),
      uptime: expect.any(Number),
      services: {
        database: { status: "healthy", latencyMs: expect.any(Number) },
        redis: { status: "healthy", latencyMs: expect.any(Number) },
        brainService: { status: "healthy", latencyMs: expect.any(Number), version: expect.any(String) },
        modelDispatch: { status: "healthy", latencyMs: expect.any(Number) },
      },
    });
  });

  it("GET /health/brain reports the brain", async () => {
    const { status, body } = await get("/health/brain");

    expect(status).toBe(200);
    expect(body.status).toBe("healthy");
  });

  it("GET /metrics has request latency by method and errors by code", async () => {
    const token = await userToken(mesh.jwtSecret);
    await fetch(`${mesh.envoyUrl}/api/v1/analytics/focus`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body: "{}" });

    const text = await (await fetch(`${mesh.gatewayUrl}/metrics`)).text();

    expect(text).toMatch(/AnalyzeFocus/);
  });

  it("passes GET /health through Envoy too", async () => {
    const response = await fetch(`${mesh.envoyUrl}/health`);

    expect(response.status).toBe(200);
  });
});
