// Request IDs: kept when a caller sends a well-formed one, made when absent, refused when malformed.
import { randomUUID } from "node:crypto";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import { Header } from "./metadata.js";

const WELL_FORMED = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * resolveRequestId is the request ID of a call: `received` when well formed, a new UUID when
 * absent; a malformed one is refused with INVALID_ARGUMENT naming the header.
 */
export function resolveRequestId(received: string | null | undefined): string {
  if (received === null || received === undefined || received === "") return randomUUID();
  if (!WELL_FORMED.test(received)) {
    throw new ConnectError(
      `${Header.requestId}: must be 8-128 characters of [A-Za-z0-9._:-]`,
      Code.InvalidArgument,
    );
  }
  return received;
}

/**
 * requestIdInterceptor resolves the request ID of every incoming call, writes it back on the
 * request headers (so later interceptors and the handler read it there) and on the response.
 */
export function requestIdInterceptor(): Interceptor {
  return (next) => async (req) => {
    const requestId = resolveRequestId(req.header.get(Header.requestId));
    req.header.set(Header.requestId, requestId);
    const res = await next(req);
    res.header.set(Header.requestId, requestId);
    return res;
  };
}
