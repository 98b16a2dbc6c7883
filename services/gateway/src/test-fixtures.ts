// Real servers for the gateway's tests: a small upstream speaking BrainService (recording what
// reached it), the gateway itself on port 0 with its log lines collected, and real user JWTs.
import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { Code, ConnectError } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { createLogger, HealthService, healthService, HealthStatus } from "@aivo/mesh-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { SignJWT, type JWTPayload } from "jose";
import { readConfig, type GatewayConfig } from "./config.js";
import { build } from "./server.js";

export const SERVICE_TOKEN_SECRET = "service-token-secret-for-tests-0123456789";
export const JWT_SECRET = "user-jwt-secret-for-gateway-tests-0123456789";
export const DEFAULT_TIMEOUT_MS = 7000;

/** What one call brought to the upstream. */
export interface Arrival {
  method: string;
  headers: Headers;
  /** timeoutMs is the deadline the upstream saw, in ms. */
  timeoutMs: number | undefined;
}

/**
 * startUpstream serves BrainService.GetServiceStatus (answers version "9.9.9", a trailer and a
 * response header), BrainService.AnalyzeFocus (fails with FAILED_PRECONDITION and metadata) and
 * grpc.health.v1 over h2c, on `port` (default a free one).
 */
export async function startUpstream(port = 0) {
  const arrivals: Arrival[] = [];
  const sessions = new Set<http2.ServerHttp2Session>();
  let connections = 0;
  const arrived = (method: string, ctx: { requestHeader: Headers; timeoutMs(): number | undefined }) =>
    arrivals.push({ method, headers: new Headers(ctx.requestHeader), timeoutMs: ctx.timeoutMs() });
  const handler = connectNodeAdapter({
    routes(router) {
      router.service(BrainService, {
        getServiceStatus(_request, ctx) {
          arrived("GetServiceStatus", ctx);
          ctx.responseHeader.set("x-upstream-header", "from-upstream");
          ctx.responseTrailer.set("x-upstream-trailer", "kept");
          return {
            version: "9.9.9",
            dependencies: [
              { name: "database", healthy: true, latencyMs: 1.5, backend: "embedded" },
              { name: "redis", healthy: true, latencyMs: 0.5, backend: "in-process" },
            ],
          };
        },
        analyzeFocus(_request, ctx) {
          arrived("AnalyzeFocus", ctx);
          throw new ConnectError("session.events: the brain refused them", Code.FailedPrecondition, { "x-error-detail": "kept" });
        },
      });
      router.service(HealthService, healthService(new HealthStatus([])));
    },
  });
  const server = http2.createServer(handler);
  server.on("session", (session) => {
    connections++;
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    /** connections is how many HTTP/2 connections the upstream has accepted. */
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The gateway keeps its pooled connection open: cut it, as a crashing upstream would.
        sessions.forEach((session) => session.destroy());
      }),
  };
}

/** gatewayConfig reads a configuration the way the process does, from environment variables. */
export function gatewayConfig(upstreamUrl: string, env: Record<string, string> = {}): GatewayConfig {
  return readConfig({
    GATEWAY_PORT: "0",
    BRAIN_SERVICE_URL: upstreamUrl,
    DISPATCH_SERVICE_URL: upstreamUrl,
    BRAIN_SERVICE_TIMEOUT: String(DEFAULT_TIMEOUT_MS),
    SERVICE_TOKEN_SECRET,
    JWT_SECRET,
    ...env,
  });
}

/** startGateway builds and opens the gateway on a free port; `lines` are its parsed log lines. */
export async function startGateway(config: GatewayConfig) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const gateway = build(config, { logger: createLogger({ service: "gateway", destination }) });
  const { port } = await gateway.listen();
  return { baseUrl: `http://127.0.0.1:${port}`, lines, close: () => gateway.close() };
}

/** userToken is an end-user JWT the test gateway accepts, unless `claims` or `sign` say otherwise. */
export function userToken(claims: JWTPayload = {}, { secret = JWT_SECRET, alg = "HS256", expiresIn = "5m" as string | number } = {}) {
  return new SignJWT({ tenant_id: "tenant-a", learner_id: "learner-1", ...claims })
    .setProtectedHeader({ alg })
    .setSubject("user-1")
    .setIssuer((claims.iss as string | undefined) ?? "aivo")
    .setAudience((claims.aud as string | undefined) ?? "aivo-mesh")
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
