import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createServiceImplSpec } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import {
  connectRedis,
  createCallMetrics,
  createLogger,
  HealthStatus,
  httpRoutes,
  listen,
  loadConfig,
  loggingInterceptor,
  maskInternalErrors,
  metricsInterceptor,
  metricsRoute,
  requestIdInterceptor,
  requireServiceToken,
  sendJson,
  unaryGrpc,
  serviceTokenMinter,
  ServingStatus,
  whenSettled,
  type Logger,
  type RequestHandler,
} from "@aivo/mesh-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { Budgets } from "./ai/budgets.js";
import { Cooldowns } from "./ai/cooldown.js";
import { generator } from "./ai/generator.js";
import { Ledger } from "./ai/ledger.js";
import { TenantLimits } from "./ai/limits.js";
import { providerMetrics } from "./ai/provider-metrics.js";
import { openStore, type Sql } from "./ai/store.js";
import { brainClient } from "./brain.js";
import { readConfig, type DispatchConfig } from "./config.js";
import { dispatchService } from "./dispatch-service.js";
import { routes, taskMessages } from "./routes.js";
import { routingTable } from "./routing-table.js";

/** Dispatch is the service, ready to listen: its request handler, health statuses and logger. */
export interface Dispatch {
  handler: RequestHandler;
  health: HealthStatus;
  logger: Logger;
  /** close books the charges not yet written and closes the ledger's database and Redis. */
  close(): Promise<void>;
}

/** The largest request accepted, in bytes: the brain's limit, since a RouteTask carries a brain request (audio included). */
const MAX_MESSAGE_BYTES = 33 * 1024 * 1024;

/** How long build() waits for Redis to connect before counting in process, in ms. */
const REDIS_CONNECT_WAIT_MS = 2_000;

/** build wires dispatch from its configuration and opens the ledger and Redis; it does not listen. */
export async function build(config: DispatchConfig, logger: Logger = createLogger({ service: "dispatch", level: config.logLevel })): Promise<Dispatch> {
  const table = routingTable(BrainService);
  const serviceToken = serviceTokenMinter({ secret: config.serviceTokenSecret, issuer: "dispatch", audience: "brain" });
  const health = new HealthStatus([DispatchService.typeName]);
  const metrics = createCallMetrics("dispatch");
  const sql: Sql = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.ledgerDir });
  const redis = config.redisUrl ? connectRedis(config.redisUrl, logger) : undefined;
  if (redis) await whenSettled(redis, REDIS_CONNECT_WAIT_MS);
  const budgets = new Budgets(await Ledger.open(sql), { shared: config.databaseUrl !== undefined, logger });
  const ai = {
    config: config.ai,
    budgets,
    generator: generator({
      config: config.ai,
      providers: config.providers,
      budgets,
      limits: new TenantLimits(config.ai.limitsOf, redis),
      cooldowns: new Cooldowns(config.ai.cooldown),
      metrics: providerMetrics(metrics.registry),
      logger,
    }),
  };
  const dispatch = dispatchService({
    table,
    brain: brainClient({ baseUrl: config.brainServiceUrl, serviceToken, logger }),
    brainTimeoutMs: config.brainServiceTimeoutMs,
    ai,
  });
  const interceptors = [
    requestIdInterceptor(),
    loggingInterceptor(logger),
    metricsInterceptor(metrics),
    requireServiceToken({ secret: config.serviceTokenSecret, audience: "dispatch" }),
    maskInternalErrors(logger),
  ];
  const connect = connectNodeAdapter({
    routes: routes(dispatch, health),
    interceptors,
    readMaxBytes: MAX_MESSAGE_BYTES,
    jsonOptions: { registry: taskMessages(table) },
    // Dispatch's callers are on the local network: gzip (a zlib pass on the thread pool) costs a call
    // more than the bytes it saves there, so answers go uncompressed; compressed requests still work.
    compressMinBytes: Number.POSITIVE_INFINITY,
  });
  const handler = httpRoutes(
    {
      "GET /health": (_req, res) =>
        health.get("") === ServingStatus.SERVING ? sendJson(res, 200, { status: "healthy" }) : sendJson(res, 503, { status: "unhealthy" }),
      "GET /metrics": metricsRoute(metrics.registry),
    },
    // Unary gRPC (Generate above all) takes the fast lane; streams and browser protocols go through Connect.
    unaryGrpc([createServiceImplSpec<typeof DispatchService>(DispatchService, dispatch)], { interceptors, readMaxBytes: MAX_MESSAGE_BYTES }, connect),
  );
  logger.info({ providers: Object.keys(config.providers), ledger: config.databaseUrl ? "postgresql" : "embedded", rate_limits: redis ? "redis" : "in process" }, "AI routing ready");
  const close = async () => {
    await budgets.close();
    await sql.close();
    redis?.disconnect();
  };
  return { handler, health, logger, close };
}

async function main(): Promise<void> {
  const config = loadConfig("dispatch", () => readConfig());
  const dispatch = await build(config);
  const server = await listen(dispatch.handler, { port: config.port, logger: dispatch.logger });
  const stop = async () => {
    dispatch.health.shutdown();
    await server.close();
    await dispatch.close();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
