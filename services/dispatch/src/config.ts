import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { envReader, LOG_LEVELS, SERVICE_TOKEN_MIN_SECRET_LENGTH, type EnvReader } from "@aivo/mesh-node";
import { loadAiConfig, type AiConfig } from "./ai/ai-config.js";
import { readProviders, type ProviderAccess, type ProviderName } from "./ai/providers.js";

/** The AI routing configuration shipped with dispatch. */
export const DEFAULT_AI_CONFIG = fileURLToPath(new URL("../config/ai.json", import.meta.url));

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
  /** ai is the AI routing configuration, read from the file DISPATCH_AI_CONFIG names. */
  ai: AiConfig;
  /** providers are the AI providers with a key (OPENAI_API_KEY, ...) and their base URLs (OPENAI_BASE_URL, ...). */
  providers: Partial<Record<ProviderName, ProviderAccess>>;
  /** databaseUrl is DATABASE_URL, PostgreSQL for the usage ledger; unset embeds one. */
  databaseUrl?: string;
  /** ledgerDir is where the embedded ledger lives (under DATA_DIR); unset keeps it in memory. */
  ledgerDir?: string;
  /** redisUrl is REDIS_URL, where every instance counts each tenant's requests and tokens per minute; unset counts in process. */
  redisUrl?: string;
}

/** readConfig reads the environment; a bad value throws a ConfigError naming the variable. */
export function readConfig(env: EnvReader = envReader()): DispatchConfig {
  return {
    port: env.int("DISPATCH_PORT", 4001, { max: 65535 }),
    brainServiceUrl: env.url("BRAIN_SERVICE_URL", "http://localhost:5000"),
    brainServiceTimeoutMs: env.int("BRAIN_SERVICE_TIMEOUT", 30000, { min: 1 }),
    serviceTokenSecret: env.secret("SERVICE_TOKEN_SECRET", SERVICE_TOKEN_MIN_SECRET_LENGTH),
    logLevel: env.oneOf("LOG_LEVEL", LOG_LEVELS, "info"),
    ai: loadAiConfig(env.string("DISPATCH_AI_CONFIG", DEFAULT_AI_CONFIG)),
    providers: readProviders(env),
    databaseUrl: env.optional("DATABASE_URL"),
    ledgerDir: join(env.string("DATA_DIR", ".data"), "dispatch-ledger"),
    redisUrl: env.optional("REDIS_URL"),
  };
}
