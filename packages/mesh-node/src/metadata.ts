// The metadata every hop agrees on (docs/conventions.md, "Metadata on the wire").
import { Code } from "@connectrpc/connect";

/** Header names, lower case as HTTP/2 sends them. */
export const Header = {
  authorization: "authorization",
  requestId: "x-request-id",
  tenantId: "x-tenant-id",
  learnerId: "x-learner-id",
  grpcTimeout: "grpc-timeout",
} as const;

/** CallIdentity is who a call is for, as it travels between services. */
export interface CallIdentity {
  requestId?: string;
  tenantId?: string;
  learnerId?: string;
}

/** readIdentity reads the identity headers of an incoming call. */
export function readIdentity(headers: Headers): CallIdentity {
  return {
    requestId: headers.get(Header.requestId) ?? undefined,
    tenantId: headers.get(Header.tenantId) ?? undefined,
    learnerId: headers.get(Header.learnerId) ?? undefined,
  };
}

/** identityHeaders are the headers that pass `identity` on to the next service. */
export function identityHeaders(identity: CallIdentity): Headers {
  const headers = new Headers();
  if (identity.requestId) headers.set(Header.requestId, identity.requestId);
  if (identity.tenantId) headers.set(Header.tenantId, identity.tenantId);
  if (identity.learnerId) headers.set(Header.learnerId, identity.learnerId);
  return headers;
}

/** statusName is the gRPC name of a status code ("OK", "INVALID_ARGUMENT", ...), as logs and metrics write it. */
export function statusName(code: Code | number | undefined): string {
  if (code === undefined || code === 0) return "OK";
  const name = Code[code] as string | undefined;
  return name === undefined ? `CODE_${code}` : name.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase();
}
