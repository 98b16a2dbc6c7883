// The gateway: one port for gRPC (forwarded as HTTP/2 streams), Connect and gRPC-web (forwarded
// through Connect routes), its own health and reflection, the seed's health endpoints and /metrics.
// `build` makes it; it listens only when this file is run as the main module.
import { resolve } from "node:path";
import http2 from "node:http2";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import {
  createCallMetrics,
  createLogger,
  connectRedis,
  HealthStatus,
  httpRoutes,
  listen,
  loadConfig,
  loggingInterceptor,
  maskInternalErrors,
  metricsInterceptor,
  metricsRoute,
  typeRegistry,
  validationInterceptor,
  whenSettled,
  type Listening,
  type Logger,
  type RequestHandler,
} from "@aivo/mesh-node";
import { readConfig, type GatewayConfig } from "./config.js";
import { createAuthenticator } from "./edge/authenticate.js";
import { edgeInterceptor } from "./edge/interceptor.js";
import { createAdmit } from "./edge/policy.js";
import { createRateLimit } from "./edge/rate-limit.js";
import { createGrpcProxy } from "./forward/grpc-proxy.js";
import { healthRoutes } from "./health/routes.js";
import { gatewayRoutes, OPEN_SERVICES } from "./routes.js";
import { createUpstreams, routesByPath } from "./upstreams.js";

export interface Gateway {
  /** handler answers one request of any protocol the gateway speaks. */
  handler: RequestHandler;
  /** listen opens config.port (0 picks a free one). */
  listen(): Promise<Listening>;
  /** close marks health NOT_SERVING, drains calls and closes connections to upstreams and Redis. */
  close(): Promise<void>;
}

export interface BuildOptions {
  /** logger for every line the gateway writes; default a JSON logger on stdout at config.logLevel. */
  logger?: Logger;
}

// Raw HTTP/2 forwarding is for the binary gRPC protocol; gRPC with the JSON codec goes through Connect.
const FORWARDED_CONTENT_TYPES = new Set(["application/grpc", "application/grpc+proto"]);
const OPEN_PATHS = [...OPEN_SERVICES].map((name) => `/${name}/`);
/** How long listen() waits for Redis to connect before serving with in-process counters, in ms. */
const REDIS_CONNECT_WAIT_MS = 2_000;

/** isForwardedGrpc: a binary gRPC call over HTTP/2 for anything but the gateway's own services. */
function isForwardedGrpc(req: Parameters<RequestHandler>[0]): req is http2.Http2ServerRequest {
  return (
    req instanceof http2.Http2ServerRequest &&
    FORWARDED_CONTENT_TYPES.has(req.headers["content-type"] ?? "") &&
    !OPEN_PATHS.some((path) => req.url.startsWith(path))
  );
}

/** build assembles the gateway from its configuration. */
export function build(config: GatewayConfig, { logger = createLogger({ service: "gateway", level: config.logLevel }) }: BuildOptions = {}): Gateway {
  const startedAt = Date.now();
  const metrics = createCallMetrics("gateway");
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : undefined;
  const { brain, dispatch } = createUpstreams(config);
  const upstreams = [brain, dispatch];
  const health = new HealthStatus([...upstreams.map((u) => u.service.typeName), ...OPEN_SERVICES]);
  const admit = createAdmit({
    authenticate: createAuthenticator(config.jwt),
    rateLimit: createRateLimit({ perMinute: config.rateLimitPerMinute, redis }),
  });

  const grpcProxy = createGrpcProxy({
    routes: routesByPath(upstreams),
    admit,
    defaultTimeoutMs: config.defaultTimeoutMs,
    logger,
    metrics,
  });
  const connect = connectNodeAdapter({
    routes: gatewayRoutes(upstreams, health, config.defaultTimeoutMs),
    interceptors: [
      loggingInterceptor(logger),
      metricsInterceptor(metrics),
      edgeInterceptor(admit, OPEN_SERVICES),
      validationInterceptor(),
      maskInternalErrors(logger),
    ],
    jsonOptions: { registry: typeRegistry(upstreams.map((u) => u.service)) },
  });
  const plain = httpRoutes({ ...healthRoutes(brain, dispatch, startedAt), "GET /metrics": metricsRoute(metrics.registry) }, connect);
  const handler: RequestHandler = (req, res) => {
    if (isForwardedGrpc(req)) grpcProxy(req, res as http2.Http2ServerResponse);
    else plain(req, res);
  };

  let listening: Listening | undefined;
  return {
    handler,
    async listen() {
      if (redis) await whenSettled(redis, REDIS_CONNECT_WAIT_MS);
      listening = await listen(handler, { port: config.port, logger });
      return listening;
    },
    async close() {
      health.shutdown();
      await listening?.close();
      upstreams.forEach((u) => u.sessions.abort());
      redis?.disconnect();
    },
  };
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const gateway = build(loadConfig("gateway", () => readConfig()));
  await gateway.listen();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void gateway.close().then(() => process.exit(0)));
  }
}
