// The gateway's configuration, read once from the environment (docs/conventions.md, "Configuration").
import { createPublicKey } from "node:crypto";
import { ConfigError, envReader, LOG_LEVELS, SERVICE_TOKEN_MIN_SECRET_LENGTH } from "@aivo/mesh-node";

/** JwtKey is where end-user JWTs are checked against: exactly one of the three. */
export type JwtKey = { secret: string } | { publicKeyPem: string } | { jwksUrl: string };

export interface JwtConfig {
  key: JwtKey;
  /** issuer is the required `iss`. */
  issuer: string;
  /** audience is the required `aud`. */
  audience: string;
  /** algorithms are the accepted `alg` values. */
  algorithms: string[];
}

export interface GatewayConfig {
  /** port to listen on (GATEWAY_PORT); 0 picks a free one. */
  port: number;
  /** brainUrl is the brain, http://host:port (BRAIN_SERVICE_URL). */
  brainUrl: string;
  /** dispatchUrl is dispatch, http://host:port (DISPATCH_SERVICE_URL). */
  dispatchUrl: string;
  /** defaultTimeoutMs is the deadline of a forwarded call that brings none, in ms (BRAIN_SERVICE_TIMEOUT). */
  defaultTimeoutMs: number;
  /** redisUrl holds the rate-limit counters (REDIS_URL); in-process counters when unset. */
  redisUrl?: string;
  /** serviceTokenSecret signs the gateway's service tokens (SERVICE_TOKEN_SECRET). */
  serviceTokenSecret: string;
  jwt: JwtConfig;
  /** upstreamConnections is the number of HTTP/2 connections to each upstream (UPSTREAM_CONNECTIONS). */
  upstreamConnections: number;
  /** rateLimitPerMinute is the number of calls a tenant may make per minute (RATE_LIMIT_PER_MINUTE). */
  rateLimitPerMinute: number;
  /** logLevel is LOG_LEVEL. */
  logLevel: string;
}

const JWT_KEY_VARIABLES = ["JWT_SECRET", "JWT_PUBLIC_KEY", "JWT_JWKS_URL"] as const;
const MIN_JWT_SECRET_LENGTH = 32;

/** readConfig reads and checks the environment; a bad value throws a ConfigError naming it. */
export function readConfig(env: Readonly<Record<string, string | undefined>> = process.env): GatewayConfig {
  const read = envReader(env);
  const key = readJwtKey(env);
  const algorithms = read.list("JWT_ALGORITHMS", "secret" in key ? ["HS256"] : ["RS256", "ES256"]);
  // A key of one kind with algorithms of the other is the classic algorithm-confusion hole.
  const symmetric = algorithms.filter((alg) => alg.startsWith("HS"));
  if (algorithms.length === 0 || symmetric.length !== ("secret" in key ? algorithms.length : 0)) {
    throw new ConfigError("JWT_ALGORITHMS", `must be HS* algorithms with JWT_SECRET and asymmetric ones otherwise, got "${algorithms.join(",")}"`);
  }
  return {
    port: read.int("GATEWAY_PORT", 4000, { max: 65535 }),
    brainUrl: read.url("BRAIN_SERVICE_URL", "http://localhost:5000"),
    dispatchUrl: read.url("DISPATCH_SERVICE_URL", "http://localhost:4001"),
    defaultTimeoutMs: read.int("BRAIN_SERVICE_TIMEOUT", 30_000, { min: 1, unit: "milliseconds" }),
    redisUrl: read.optional("REDIS_URL"),
    serviceTokenSecret: read.secret("SERVICE_TOKEN_SECRET", SERVICE_TOKEN_MIN_SECRET_LENGTH),
    jwt: {
      key,
      issuer: read.string("JWT_ISSUER", "aivo"),
      audience: read.string("JWT_AUDIENCE", "aivo-mesh"),
      algorithms,
    },
    upstreamConnections: read.int("UPSTREAM_CONNECTIONS", 4, { min: 1, max: 64, unit: "connections" }),
    rateLimitPerMinute: read.int("RATE_LIMIT_PER_MINUTE", 600, { min: 1, unit: "calls per minute" }),
    logLevel: read.oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
  };
}

function readJwtKey(env: Readonly<Record<string, string | undefined>>): JwtKey {
  const read = envReader(env);
  const set = JWT_KEY_VARIABLES.filter((name) => read.optional(name) !== undefined);
  if (set.length !== 1) {
    throw new ConfigError(set[1] ?? "JWT_SECRET", `set exactly one of ${JWT_KEY_VARIABLES.join(", ")} (found ${set.length})`);
  }
  if (set[0] === "JWT_SECRET") return { secret: read.secret("JWT_SECRET", MIN_JWT_SECRET_LENGTH) };
  if (set[0] === "JWT_JWKS_URL") return { jwksUrl: read.url("JWT_JWKS_URL") };
  // A PEM in one environment line usually comes with its newlines written as "\n".
  const publicKeyPem = read.string("JWT_PUBLIC_KEY").replace(/\\n/g, "\n");
  try {
    createPublicKey(publicKeyPem);
  } catch {
    throw new ConfigError("JWT_PUBLIC_KEY", "must be a PEM public key (-----BEGIN PUBLIC KEY-----)");
  }
  return { publicKeyPem };
}
