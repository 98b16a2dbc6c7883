// The edge policy as a Connect interceptor, for Connect, gRPC-web and the gateway's own services.
import type { Interceptor } from "@connectrpc/connect";
import { Header, resolveRequestId } from "@aivo/mesh-node";
import { admittedCall } from "../forward/connect-routes.js";
import type { HeaderLookup } from "./authenticate.js";
import type { EdgeCall } from "./policy.js";

/**
 * edgeInterceptor admits every call (request ID, user, rate limit) and writes the admitted identity
 * on the request headers, where logs read it, replacing whatever the client sent. Calls to `open`
 * services (health, reflection) only get a request ID.
 */
export function edgeInterceptor(admit: (header: HeaderLookup) => Promise<EdgeCall>, open: ReadonlySet<string>): Interceptor {
  return (next) => async (req) => {
    const header: HeaderLookup = (name) => req.header.get(name) ?? undefined;
    req.header.delete(Header.tenantId);
    req.header.delete(Header.learnerId);
    let requestId: string;
    if (open.has(req.service.typeName)) {
      requestId = resolveRequestId(header(Header.requestId));
    } else {
      const call = await admit(header);
      req.contextValues.set(admittedCall, call);
      req.header.set(Header.tenantId, call.tenantId);
      if (call.learnerId !== undefined) req.header.set(Header.learnerId, call.learnerId);
      requestId = call.requestId;
    }
    req.header.set(Header.requestId, requestId);
    const res = await next(req);
    res.header.set(Header.requestId, requestId);
    return res;
  };
}
