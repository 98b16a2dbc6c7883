// The services the gateway forwards to, each with a pool of HTTP/2 connections that both forwarding
// paths share, and the service token that upstream expects.
import type { DescService } from "@bufbuild/protobuf";
import type { Transport } from "@connectrpc/connect";
import { serviceTokenMinter } from "@aivo/mesh-node";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import type { GatewayConfig } from "./config.js";
import { SessionPool } from "./session-pool.js";

/** Upstream is one forwarded service and how to reach it. */
export interface Upstream {
  /** name is the upstream's service name, also the audience of its service tokens. */
  name: "brain" | "dispatch";
  service: DescService;
  /** sessions keeps a few HTTP/2 connections open, reconnecting after failures. */
  sessions: SessionPool;
  /** transport is a gRPC transport over `sessions`. */
  transport: Transport;
  /** token is the gateway's current service token for this upstream. */
  token: () => Promise<string>;
}

/** createUpstreams makes the brain and dispatch upstreams. */
export function createUpstreams(config: GatewayConfig): { brain: Upstream; dispatch: Upstream } {
  const upstream = (name: Upstream["name"], service: DescService, baseUrl: string): Upstream => {
    const sessions = new SessionPool(baseUrl, config.upstreamConnections);
    return {
      name,
      service,
      sessions,
      transport: sessions.transport(baseUrl),
      token: serviceTokenMinter({ secret: config.serviceTokenSecret, issuer: "gateway", audience: name }),
    };
  };
  return { brain: upstream("brain", BrainService, config.brainUrl), dispatch: upstream("dispatch", DispatchService, config.dispatchUrl) };
}

/** routesByPath maps each forwarded method's path ("/package.Service/Method") to its upstream. */
export function routesByPath(upstreams: readonly Upstream[]): Map<string, Upstream> {
  return new Map(upstreams.flatMap((u) => u.service.methods.map((m) => [`/${u.service.typeName}/${m.name}`, u] as const)));
}
