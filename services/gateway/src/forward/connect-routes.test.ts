import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { createClient, createRouterTransport, type Interceptor } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { HealthService, healthService, HealthStatus, ServingStatus } from "@aivo/mesh-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionPool } from "../session-pool.js";
import type { Upstream } from "../upstreams.js";
import { admittedCall, forwardingRoutes } from "./connect-routes.js";

// The forwarder is generic over descriptors: grpc.health.v1.Health has a server-streaming method
// (Watch), which the mesh's own contracts do not, so it stands in for any streaming RPC.
describe("forwardingRoutes", () => {
  const status = new HealthStatus(["svc"]);
  let server: http2.Http2Server;
  let upstream: Upstream;
  beforeAll(async () => {
    server = http2.createServer(connectNodeAdapter({ routes: (router) => router.service(HealthService, healthService(status)) }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const sessions = new SessionPool(baseUrl, 1);
    upstream = { name: "brain", service: HealthService, sessions, transport: sessions.transport(baseUrl), token: async () => "service-token" };
  });
  afterAll(() => {
    upstream.sessions.abort();
    server.close();
  });

  const admitEverything: Interceptor = (next) => (req) => {
    req.contextValues.set(admittedCall, { requestId: "req-00000001", tenantId: "tenant-a" });
    return next(req);
  };
  const gatewayClient = () =>
    createClient(HealthService, createRouterTransport(forwardingRoutes([upstream], 5000), { router: { interceptors: [admitEverything] } }));

  it("forwards a unary method", async () => {
    expect((await gatewayClient().check({ service: "svc" })).status).toBe(ServingStatus.SERVING);
  });

  it("forwards a server stream message by message", async () => {
    const seen: ServingStatus[] = [];
    const abort = new AbortController();

    for await (const { status: value } of gatewayClient().watch({ service: "svc" }, { signal: abort.signal })) {
      seen.push(value);
      if (seen.length === 1) status.set("svc", ServingStatus.NOT_SERVING);
      if (seen.length === 2) break;
    }
    abort.abort();

    expect(seen).toEqual([ServingStatus.SERVING, ServingStatus.NOT_SERVING]);
  });

  it("passes an upstream error through with its code", async () => {
    await expect(gatewayClient().check({ service: "unknown" })).rejects.toMatchObject({ rawMessage: 'unknown service "unknown"', code: 5 });
  });
});
