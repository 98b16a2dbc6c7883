// The gateway's Connect routes: its own health and reflection, and the forwarded services.
import type { ConnectRouter } from "@connectrpc/connect";
import { HealthService, healthService, ReflectionService, reflectionService, type HealthStatus } from "@aivo/mesh-node";
import { forwardingRoutes } from "./forward/connect-routes.js";
import type { Upstream } from "./upstreams.js";

/** OPEN_SERVICES answer without a user JWT: probes and grpcurl use them. */
export const OPEN_SERVICES: ReadonlySet<string> = new Set([HealthService.typeName, ReflectionService.typeName]);

/** gatewayRoutes registers health, reflection (describing everything served) and the forwarders. */
export function gatewayRoutes(upstreams: readonly Upstream[], health: HealthStatus, defaultTimeoutMs: number): (router: ConnectRouter) => void {
  const served = [...upstreams.map((u) => u.service), HealthService, ReflectionService];
  return (router) => {
    router.service(HealthService, healthService(health));
    router.service(ReflectionService, reflectionService(served));
    forwardingRoutes(upstreams, defaultTimeoutMs)(router);
  };
}
