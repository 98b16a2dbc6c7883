// Service-to-service tokens (docs/conventions.md, "Tokens"): HS256 JWTs signed with
// SERVICE_TOKEN_SECRET, `iss` the calling service, `aud` the called one, five minutes long.
import { createSecretKey, type KeyObject } from "node:crypto";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import { errors, jwtVerify, SignJWT } from "jose";
import { HealthService } from "./health.js";
import { Header } from "./metadata.js";
import { ReflectionService } from "./reflection.js";

/** SERVICE_TOKEN_MIN_SECRET_LENGTH is the shortest SERVICE_TOKEN_SECRET accepted, in characters. */
export const SERVICE_TOKEN_MIN_SECRET_LENGTH = 32;

const ALGORITHM = "HS256";

export interface ServiceTokenOptions {
  /** secret is SERVICE_TOKEN_SECRET. */
  secret: string;
  /** issuer is the calling service, for example "gateway". */
  issuer: string;
  /** audience is the called service, for example "brain". */
  audience: string;
  /** ttlSeconds is the token lifetime in seconds; default 300. */
  ttlSeconds?: number;
  /** now is the clock in milliseconds since the epoch; default Date.now. */
  now?: () => number;
}

/**
 * serviceTokenMinter returns a function that gives the current token, minting one on first use
 * and again once half its lifetime has passed, so callers never send one about to expire.
 */
export function serviceTokenMinter({ secret, issuer, audience, ttlSeconds = 300, now = Date.now }: ServiceTokenOptions): () => Promise<string> {
  const key = secretKey(secret);
  let current: { token: Promise<string>; renewAtMs: number } | undefined;
  return () => {
    const nowMs = now();
    if (current === undefined || nowMs >= current.renewAtMs) {
      const issuedAt = Math.floor(nowMs / 1000);
      const token = new SignJWT({})
        .setProtectedHeader({ alg: ALGORITHM })
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(key);
      current = { token, renewAtMs: nowMs + (ttlSeconds * 1000) / 2 };
      token.catch(() => (current = undefined));
    }
    return current.token;
  };
}

/**
 * verifyServiceToken checks a service token meant for `audience` and returns the calling service.
 * A missing, malformed, expired or badly signed token is UNAUTHENTICATED; a token for another
 * service is PERMISSION_DENIED.
 */
export async function verifyServiceToken(token: string, secret: string | KeyObject, audience: string): Promise<{ caller: string }> {
  const { caller } = await verifiedClaims(token, secret, audience);
  return { caller };
}

/** verifiedClaims is verifyServiceToken with the token's expiry, in ms since the epoch. */
async function verifiedClaims(token: string, secret: string | KeyObject, audience: string): Promise<{ caller: string; expiresAtMs: number }> {
  try {
    const { payload } = await jwtVerify(token, typeof secret === "string" ? secretKey(secret) : secret, {
      algorithms: [ALGORITHM],
      audience,
      requiredClaims: ["iss", "exp"],
    });
    return { caller: payload.iss as string, expiresAtMs: payload.exp! * 1000 };
  } catch (error) {
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud") {
      throw new ConnectError(`service token is not for ${audience}`, Code.PermissionDenied);
    }
    const reason = error instanceof errors.JWTExpired ? "expired" : "invalid";
    throw new ConnectError(`service token ${reason}`, Code.Unauthenticated);
  }
}

/** bearerToken is the token of an `authorization: Bearer <token>` header, or undefined. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  return match?.[1];
}

/** serviceTokenInterceptor adds the caller's service token to every outgoing call (client side). */
export function serviceTokenInterceptor(mint: () => Promise<string>): Interceptor {
  return (next) => async (req) => {
    req.header.set(Header.authorization, `Bearer ${await mint()}`);
    return next(req);
  };
}

export interface RequireServiceTokenOptions {
  /** secret is SERVICE_TOKEN_SECRET. */
  secret: string;
  /** audience is this service's name, for example "dispatch". */
  audience: string;
  /** exempt are services answered without a token; default health and reflection, for probes and grpcurl. */
  exempt?: readonly string[];
}

/** How many verified tokens requireServiceToken remembers; callers reuse one token for minutes, so a few do. */
const VERIFIED_TOKENS_KEPT = 1024;

/**
 * requireServiceToken refuses incoming calls without a valid service token for this service (server side).
 * A token that verified is remembered until it expires: callers send the same token for minutes, and
 * checking its signature again on every call cost a tenth of a busy service's CPU.
 */
export function requireServiceToken({ secret, audience, exempt = [HealthService.typeName, ReflectionService.typeName] }: RequireServiceTokenOptions): Interceptor {
  const key = secretKey(secret);
  const verified = new Map<string, number>();
  return (next) => async (req) => {
    if (!exempt.includes(req.service.typeName)) {
      const token = bearerToken(req.header.get(Header.authorization));
      if (token === undefined) throw new ConnectError("service token required: authorization: Bearer <token>", Code.Unauthenticated);
      if ((verified.get(token) ?? 0) <= Date.now()) {
        const { expiresAtMs } = await verifiedClaims(token, key, audience);
        if (verified.size >= VERIFIED_TOKENS_KEPT) verified.clear();
        verified.set(token, expiresAtMs);
      }
    }
    return next(req);
  };
}

function secretKey(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, "utf8"));
}
