// The seed's health endpoints, as plain HTTP routes beside Connect.
import { sendJson, type Route } from "@aivo/mesh-node";
import type { Upstream } from "../upstreams.js";
import { checkBrain, checkService } from "./checks.js";
import { detailedHealth } from "./report.js";

/** healthRoutes answers GET /health, /ready, /health/detailed and /health/brain. */
export function healthRoutes(brain: Upstream, dispatch: Upstream, startedAt: number): Record<string, Route> {
  const uptime = () => (Date.now() - startedAt) / 1000;
  return {
    // The gateway itself is up: nothing is asked of anybody else.
    "GET /health": (_req, res) => sendJson(res, 200, { status: "healthy", timestamp: new Date().toISOString(), uptime: Math.floor(uptime()) }),

    // Ready when the brain answers and its database is reachable.
    "GET /ready": async (_req, res) => {
      const check = await checkBrain(brain);
      const database = check.dependencies.get("database");
      const ready = check.status === "healthy" && database?.status === "healthy";
      sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not_ready", database: database ?? { status: "unhealthy", latencyMs: 0 } });
    },

    "GET /health/detailed": async (_req, res) => {
      const [brainCheck, dispatchCheck] = await Promise.all([checkBrain(brain), checkService(dispatch)]);
      const report = detailedHealth(brainCheck, dispatchCheck, new Date(), uptime());
      sendJson(res, report.status === "unhealthy" ? 503 : 200, report);
    },

    "GET /health/brain": async (_req, res) => {
      const { status, latencyMs, version } = await checkBrain(brain);
      sendJson(res, status === "healthy" ? 200 : 503, { status, latencyMs, version });
    },
  };
}
