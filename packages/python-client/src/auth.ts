import type { Interceptor } from "@connectrpc/connect";

/**
 * A bearer token, or a function giving the current one (service tokens expire, so long-lived
 * clients pass a function that renews them).
 */
export type TokenSource = string | (() => string | Promise<string>);

/** Sends the token as `authorization: Bearer <token>` on every call. */
export function bearerToken(token: TokenSource): Interceptor {
  return (next) => async (request) => {
    const value = typeof token === "string" ? token : await token();
    request.header.set("authorization", `Bearer ${value}`);
    return next(request);
  };
}
