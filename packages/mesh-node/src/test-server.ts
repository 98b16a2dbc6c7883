// A real mesh server on port 0 for the tests of this package: health, reflection, the standard
// interceptors and a /metrics route, with its log lines collected.
import { Writable } from "node:stream";
import type { ConnectRouter } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { createCallMetrics } from "./metrics.js";
import { HealthService, healthService, HealthStatus } from "./health.js";
import { httpRoutes, metricsRoute } from "./http-routes.js";
import { listen } from "./listen.js";
import { loggingInterceptor } from "./logging.js";
import { createLogger } from "./logger.js";
import { metricsInterceptor } from "./metrics.js";
import { ReflectionService, reflectionService } from "./reflection.js";
import { requestIdInterceptor } from "./request-id.js";

/** startTestServer serves health and reflection on a free port; `lines` are its parsed log lines. */
export async function startTestServer() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  const logger = createLogger({ service: "test", destination });
  const metrics = createCallMetrics("test");
  const health = new HealthStatus([HealthService.typeName]);
  const routes = (router: ConnectRouter) => {
    router.service(HealthService, healthService(health));
    router.service(ReflectionService, reflectionService([HealthService, ReflectionService]));
  };
  const connect = connectNodeAdapter({
    routes,
    interceptors: [requestIdInterceptor(), loggingInterceptor(logger), metricsInterceptor(metrics)],
  });
  const server = await listen(httpRoutes({ "GET /metrics": metricsRoute(metrics.registry) }, connect), { port: 0, logger, graceMs: 1000 });
  return { server, health, lines, baseUrl: `http://127.0.0.1:${server.port}` };
}
