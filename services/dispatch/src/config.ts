import { envReader, LOG_LEVELS, SERVICE_TOKEN_MIN_SECRET_LENGTH, type EnvReader } from "@aivo/mesh-node";

/** Dispatch's configuration (docs/conventions.md, "Configuration"). */
export interface DispatchConfig {
  /** port is DISPATCH_PORT; 0 picks a free one. */
  port: number;
  /** brainServiceUrl is BRAIN_SERVICE_URL, the brain as `http://host:port`. */
  brainServiceUrl: string;
  /** brainServiceTimeoutMs is BRAIN_SERVICE_TIMEOUT: the deadline of a brain call whose caller set none, in ms. */
  brainServiceTimeoutMs: number;
  /** serviceTokenSecret is SERVICE_TOKEN_SECRET, the HMAC key of service tokens. */
  serviceTokenSecret: string;
  /** logLevel is LOG_LEVEL. */
  logLevel: (typeof LOG_LEVELS)[number];
}

/** readConfig reads the environment; a bad value throws a ConfigError naming the variable. */
export function readConfig(env: EnvReader = envReader()): DispatchConfig {
  return {
    port: env.int("DISPATCH_PORT", 4001, { max: 65535 }),
    brainServiceUrl: env.url("BRAIN_SERVICE_URL", "http://localhost:5000"),
    brainServiceTimeoutMs: env.int("BRAIN_SERVICE_TIMEOUT", 30000, { min: 1 }),
    serviceTokenSecret: env.secret("SERVICE_TOKEN_SECRET", SERVICE_TOKEN_MIN_SECRET_LENGTH),
    logLevel: env.oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
  };
}
