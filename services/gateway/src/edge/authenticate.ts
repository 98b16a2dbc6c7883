// End-user authentication: a JWT from the Bearer header, or from the session cookie together with
// the CSRF double-submit check. Plain functions over a header lookup, shared by both forwarding paths.
import { createPublicKey, timingSafeEqual } from "node:crypto";
import { Code, ConnectError } from "@connectrpc/connect";
import { bearerToken } from "@aivo/mesh-node";
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from "jose";
import type { JwtConfig } from "../config.js";
import { VerifiedTokens } from "./verified-tokens.js";

/** HeaderLookup reads one request header by its lower-case name. */
export type HeaderLookup = (name: string) => string | undefined;

/** User is who an end-user JWT says is calling. */
export interface User {
  tenantId: string;
  learnerId?: string;
}

/** SESSION_COOKIE carries the JWT of a browser session; CSRF_COOKIE and CSRF_HEADER the double-submit token. */
export const SESSION_COOKIE = "aivo_session";
export const CSRF_COOKIE = "aivo_csrf";
export const CSRF_HEADER = "x-csrf-token";

// Identity claims end up in headers, so they must be header-safe.
const IDENTITY_CLAIM = /^[A-Za-z0-9._:@-]{1,128}$/;

/** createAuthenticator returns authenticate(header), which resolves the caller or throws a ConnectError. */
export function createAuthenticator(config: JwtConfig): (header: HeaderLookup) => Promise<User> {
  const verify = verifier(config);
  const options: JWTVerifyOptions = {
    issuer: config.issuer,
    audience: config.audience,
    algorithms: config.algorithms,
    requiredClaims: ["exp"],
  };
  const verified = new VerifiedTokens<User>();
  return async (header) => {
    const token = credentials(header);
    const known = verified.get(token);
    if (known !== undefined) return known;
    let payload: JWTPayload;
    try {
      payload = await verify(token, options);
    } catch (error) {
      throw refusal(error, config);
    }
    const user = { tenantId: identityClaim(payload, "tenant_id", true)!, learnerId: identityClaim(payload, "learner_id", false) };
    verified.remember(token, user, payload.exp! * 1000);
    return user;
  };
}

function credentials(header: HeaderLookup): string {
  const authorization = header("authorization");
  if (authorization !== undefined) {
    const token = bearerToken(authorization);
    if (token === undefined) throw new ConnectError("authorization: must be \"Bearer <JWT>\"", Code.Unauthenticated);
    return token;
  }
  const cookies = parseCookies(header("cookie"));
  const session = cookies.get(SESSION_COOKIE);
  if (session === undefined) {
    throw new ConnectError(`no credentials: send authorization: Bearer <JWT> or the ${SESSION_COOKIE} cookie`, Code.Unauthenticated);
  }
  const expected = cookies.get(CSRF_COOKIE);
  const sent = header(CSRF_HEADER);
  if (!expected || !sent || !sameText(expected, sent)) {
    throw new ConnectError(`CSRF check failed: a cookie session needs the ${CSRF_HEADER} header equal to the ${CSRF_COOKIE} cookie`, Code.PermissionDenied);
  }
  return session;
}

function refusal(error: unknown, config: JwtConfig): ConnectError {
  if (error instanceof errors.JWTExpired) return new ConnectError("token expired", Code.Unauthenticated);
  if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud") {
    return new ConnectError(`token is not for audience "${config.audience}"`, Code.PermissionDenied);
  }
  if (error instanceof errors.JWTClaimValidationFailed) return new ConnectError(`token claim ${error.claim}: ${error.reason}`, Code.Unauthenticated);
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new ConnectError(`token algorithm not allowed: use ${config.algorithms.join(" or ")}`, Code.Unauthenticated);
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new ConnectError("token signature invalid", Code.Unauthenticated);
  return new ConnectError("token invalid", Code.Unauthenticated);
}

function identityClaim(payload: JWTPayload, claim: string, required: boolean): string | undefined {
  const value = payload[claim];
  if (value === undefined && !required) return undefined;
  if (typeof value !== "string" || !IDENTITY_CLAIM.test(value)) {
    const problem = value === undefined ? "is required" : "must be 1-128 characters of [A-Za-z0-9._:@-]";
    throw new ConnectError(`token claim ${claim}: ${problem}`, Code.PermissionDenied);
  }
  return value;
}

type Verify = (token: string, options: JWTVerifyOptions) => Promise<JWTPayload>;

function verifier({ key }: JwtConfig): Verify {
  if ("jwksUrl" in key) {
    // jose fetches the key set on first use, caches it and refetches for an unknown key id.
    const keySet = createRemoteJWKSet(new URL(key.jwksUrl));
    return async (token, options) => (await jwtVerify(token, keySet, options)).payload;
  }
  const material = "secret" in key ? new TextEncoder().encode(key.secret) : createPublicKey(key.publicKeyPem);
  return async (token, options) => (await jwtVerify(token, material, options)).payload;
}

function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) cookies.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return cookies;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
