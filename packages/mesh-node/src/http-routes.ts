// Plain HTTP routes (health endpoints, /metrics) beside Connect on the same port.
import type http from "node:http";
import type http2 from "node:http2";
import type { Registry } from "prom-client";
import type { RequestHandler } from "./listen.js";

type Request = http.IncomingMessage | http2.Http2ServerRequest;
type Response = http.ServerResponse | http2.Http2ServerResponse;

/** Route answers one plain HTTP request; a rejection becomes a 500. */
export type Route = (req: Request, res: Response) => void | Promise<void>;

/**
 * httpRoutes answers requests whose "METHOD /path" (query ignored) is a key of `routes`, for example
 * "GET /health", and hands every other request to `next` (the Connect handler).
 */
export function httpRoutes(routes: Readonly<Record<string, Route>>, next: RequestHandler): RequestHandler {
  const table = new Map(Object.entries(routes));
  return (req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    const route = table.get(`${req.method} ${path}`);
    if (route === undefined) return next(req, res);
    Promise.resolve()
      .then(() => route(req, res))
      .catch(() => sendJson(res, 500, { error: "internal error" }));
  };
}

/** sendJson answers with `body` as JSON. */
export function sendJson(res: Response, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload) });
  res.end(payload);
}

/** metricsRoute serves `registry` in the Prometheus text format. */
export function metricsRoute(registry: Registry): Route {
  return async (_req, res) => {
    const body = await registry.metrics();
    res.writeHead(200, { "content-type": registry.contentType });
    res.end(body);
  };
}
