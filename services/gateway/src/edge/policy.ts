// The edge policy, the same for both forwarding paths: a request ID, an authenticated user, a rate
// limit per tenant, and the headers that carry the result to the upstream service.
import { Header, resolveRequestId } from "@aivo/mesh-node";
import type { HeaderLookup, User } from "./authenticate.js";

/** EdgeCall is an admitted call: its request ID and the user it is for. */
export interface EdgeCall extends User {
  requestId: string;
}

export interface EdgePolicyParts {
  authenticate: (header: HeaderLookup) => Promise<User>;
  rateLimit: (tenantId: string) => Promise<void>;
}

/** createAdmit returns admit(header), which resolves the admitted call or throws the ConnectError refusing it. */
export function createAdmit({ authenticate, rateLimit }: EdgePolicyParts): (header: HeaderLookup) => Promise<EdgeCall> {
  return async (header) => {
    const requestId = resolveRequestId(header(Header.requestId));
    const user = await authenticate(header);
    await rateLimit(user.tenantId);
    return { requestId, ...user };
  };
}

/**
 * CLIENT_ONLY_HEADERS never travel past the gateway: the user's credentials, and identity headers
 * that only the gateway may set.
 */
export const CLIENT_ONLY_HEADERS: ReadonlySet<string> = new Set([
  Header.authorization,
  "cookie",
  "x-csrf-token",
  Header.requestId,
  Header.tenantId,
  Header.learnerId,
]);

/** upstreamHeaders are the headers that carry an admitted call upstream, with the gateway's service token. */
export function upstreamHeaders(call: EdgeCall, serviceToken: string): Record<string, string> {
  const headers: Record<string, string> = {
    [Header.authorization]: `Bearer ${serviceToken}`,
    [Header.requestId]: call.requestId,
    [Header.tenantId]: call.tenantId,
  };
  if (call.learnerId !== undefined) headers[Header.learnerId] = call.learnerId;
  return headers;
}
