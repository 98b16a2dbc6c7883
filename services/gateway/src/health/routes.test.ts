import { createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { afterEach, describe, expect, it } from "vitest";
import { gatewayConfig, startGateway, startUpstream, userToken } from "../test-fixtures.js";

describe("health endpoints", () => {
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const server of running.splice(0).reverse()) await server.close();
  });

  async function gatewayBefore({ upstreamUp }: { upstreamUp: boolean }) {
    const upstream = await startUpstream();
    const gateway = await startGateway(gatewayConfig(upstream.url));
    running.push(upstream, gateway);
    if (!upstreamUp) await upstream.close();
    return gateway.baseUrl;
  }

  async function get(baseUrl: string, path: string) {
    const response = await fetch(`${baseUrl}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  it("GET /health answers healthy without asking anybody", async () => {
    const baseUrl = await gatewayBefore({ upstreamUp: false });

    const { status, body } = await get(baseUrl, "/health");

    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "healthy", uptime: expect.any(Number), timestamp: expect.any(String) });
  });

  it("GET /health/detailed has the seed's shape, with the brain's version and its dependency checks", async () => {
    const baseUrl = await gatewayBefore({ upstreamUp: true });

    const { status, body } = await get(baseUrl, "/health/detailed");

    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(["services", "status", "timestamp", "uptime"]);
    expect(body).toMatchObject({
      status: "healthy",
      services: {
        database: { status: "healthy", latencyMs: 1.5 },
        redis: { status: "healthy", latencyMs: 0.5 },
        brainService: { status: "healthy", latencyMs: expect.any(Number), version: "9.9.9" },
        modelDispatch: { status: "healthy", latencyMs: expect.any(Number) },
      },
    });
    expect(new Date(body.timestamp as string).toISOString()).toBe(body.timestamp);
  });

  it("GET /health/detailed is unhealthy with 503 when the brain is down", async () => {
    const baseUrl = await gatewayBefore({ upstreamUp: false });

    const { status, body } = await get(baseUrl, "/health/detailed");

    expect(status).toBe(503);
    expect(body).toMatchObject({ status: "unhealthy", services: { brainService: { status: "unhealthy" }, database: { status: "unhealthy" } } });
  });

  it.each([
    [true, 200, { status: "ready", database: { status: "healthy" } }],
    [false, 503, { status: "not_ready" }],
  ])("GET /ready with the brain up=%s answers %i", async (upstreamUp, expectedStatus, expectedBody) => {
    const baseUrl = await gatewayBefore({ upstreamUp });

    const { status, body } = await get(baseUrl, "/ready");

    expect(status).toBe(expectedStatus);
    expect(body).toMatchObject(expectedBody);
  });

  it.each([
    [true, 200, { status: "healthy", version: "9.9.9" }],
    [false, 503, { status: "unhealthy" }],
  ])("GET /health/brain with the brain up=%s answers %i", async (upstreamUp, expectedStatus, expectedBody) => {
    const baseUrl = await gatewayBefore({ upstreamUp });

    const { status, body } = await get(baseUrl, "/health/brain");

    expect(status).toBe(expectedStatus);
    expect(body).toMatchObject({ ...expectedBody, latencyMs: expect.any(Number) });
  });

  it("GET /metrics counts forwarded calls by endpoint, errors by code and latency by method", async () => {
    const baseUrl = await gatewayBefore({ upstreamUp: true });
    const brain = createClient(BrainService, createGrpcTransport({ baseUrl }));
    await brain.getServiceStatus({}, { headers: { authorization: `Bearer ${await userToken()}` } });
    await brain.getServiceStatus({}).catch(() => undefined);

    const response = await fetch(`${baseUrl}/metrics`);
    const text = await response.text();

    expect(response.headers.get("content-type")).toContain("text/plain");
    expect(text).toContain('aivo_rpc_requests_total{service="gateway",endpoint="/aivo.brain.v1.BrainService/GetServiceStatus"} 2');
    expect(text).toContain('aivo_rpc_errors_total{service="gateway",code="UNAUTHENTICATED"} 1');
    expect(text).toContain('aivo_rpc_duration_seconds_count{service="gateway",method="aivo.brain.v1.BrainService/GetServiceStatus"} 2');
  });
});
