import { createClient } from "@connectrpc/connect";
import { createConnectTransport, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import { afterEach, describe, expect, it } from "vitest";
import { HealthService, ServingStatus } from "./health.js";
import { startTestServer } from "./test-server.js";

describe("listen", () => {
  let running: Awaited<ReturnType<typeof startTestServer>> | undefined;
  afterEach(async () => {
    await running?.server.close();
    running = undefined;
  });

  it("logs the port it bound when asked for port 0", async () => {
    running = await startTestServer();

    expect(running.server.port).toBeGreaterThan(0);
    expect(running.lines).toContainEqual(expect.objectContaining({ msg: "listening", port: running.server.port }));
  });

  it.each([
    ["gRPC over h2c", (baseUrl: string) => createGrpcTransport({ baseUrl })],
    ["Connect over HTTP/1.1", (baseUrl: string) => createConnectTransport({ baseUrl, httpVersion: "1.1" })],
    ["gRPC-web over HTTP/1.1", (baseUrl: string) => createGrpcWebTransport({ baseUrl, httpVersion: "1.1" })],
    ["Connect over h2c", (baseUrl: string) => createConnectTransport({ baseUrl, httpVersion: "2" })],
  ])("answers %s on the same port", async (_name, transport) => {
    running = await startTestServer();
    const client = createClient(HealthService, transport(running.baseUrl));

    const response = await client.check({ service: "" });

    expect(response.status).toBe(ServingStatus.SERVING);
  });

  it("serves plain HTTP routes beside Connect", async () => {
    running = await startTestServer();

    const response = await fetch(`${running.baseUrl}/metrics`);

    expect(response.status).toBe(200);
    expect(await response.text()).toContain("aivo_rpc_requests_total");
  });

  it("closes while a client keeps its HTTP/2 connection open", async () => {
    running = await startTestServer();
    const client = createClient(HealthService, createGrpcTransport({ baseUrl: running.baseUrl }));
    await client.check({ service: "" });

    await running.server.close();
    running = undefined;

    await expect(client.check({ service: "" })).rejects.toThrow();
  });
});
