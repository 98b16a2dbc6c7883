// The AI routing configuration file (DISPATCH_AI_CONFIG): model aliases and their deployments, the
// price table, retries, cooldowns, budgets and rate limits. Money is read in US dollars and kept in
// whole nano-dollars, so costs add up exactly.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ConfigError } from "@aivo/mesh-node";
import { PROVIDERS, type ProviderName } from "./providers.js";

const deployment = z.strictObject({
  provider: z.enum(PROVIDERS),
  model: z.string().min(1),
  /** timeoutMs bounds one call to this deployment, in ms. */
  timeoutMs: z.number().int().positive().optional(),
});

/** A price in USD per million tokens with at most three decimals, so it is a whole number of nano-dollars per token. */
const usdPerMillionTokens = z
  .number()
  .nonnegative()
  .refine((usd) => Math.abs(usd * 1000 - Math.round(usd * 1000)) < 1e-6, "must have at most 3 decimals");

const limitsOf = z.strictObject({
  /** rpm is requests per minute. */
  rpm: z.number().int().positive().optional(),
  /** tpm is tokens (input and output) per minute. */
  tpm: z.number().int().positive().optional(),
});

const budgetOf = z.strictObject({
  softUsd: z.number().positive().optional(),
  hardUsd: z.number().positive().optional(),
});

const schema = z.strictObject({
  priceVersion: z.string().min(1),
  prices: z.record(z.string().regex(/^[a-z]+\/.+$/, "must be provider/model"), z.strictObject({ inputUsdPerMTok: usdPerMillionTokens, outputUsdPerMTok: usdPerMillionTokens })),
  aliases: z.record(z.string().min(1), z.array(deployment).min(1)),
  defaultMaxTokens: z.number().int().positive(),
  /** requestTimeoutMs bounds a whole request, failovers included, when the caller set no deadline. */
  requestTimeoutMs: z.number().int().positive(),
  attemptTimeoutMs: z.number().int().positive(),
  retry: z.strictObject({ retries: z.number().int().nonnegative(), baseDelayMs: z.number().int().positive(), maxDelayMs: z.number().int().positive() }),
  cooldown: z.strictObject({ failures: z.number().int().positive(), ms: z.number().int().positive() }),
  /** budgets by tenant; "*" applies to tenants not listed. */
  budgets: z.record(z.string().min(1), budgetOf).default({}),
  /** limits by tenant; "*" applies to tenants not listed. */
  limits: z.record(z.string().min(1), limitsOf).default({}),
});

export interface Deployment {
  provider: ProviderName;
  model: string;
  timeoutMs: number;
}

/** Price is what one token costs, in nano-dollars. */
export interface Price {
  inputNanoUsd: number;
  outputNanoUsd: number;
}

/** Budget is a tenant's monthly limits in nano-dollars; 0 means none. */
export interface Budget {
  softNanoUsd: number;
  hardNanoUsd: number;
}

export interface Limits {
  rpm?: number;
  tpm?: number;
}

export interface AiConfig {
  priceVersion: string;
  /** prices by "provider/model". */
  prices: ReadonlyMap<string, Price>;
  aliases: ReadonlyMap<string, readonly Deployment[]>;
  defaultMaxTokens: number;
  requestTimeoutMs: number;
  retry: { retries: number; baseDelayMs: number; maxDelayMs: number };
  cooldown: { failures: number; ms: number };
  budgetOf(tenant: string): Budget;
  limitsOf(tenant: string): Limits;
}

const nano = (usd: number | undefined) => Math.round((usd ?? 0) * 1e9);

/** parseAiConfig checks a parsed configuration file; a problem throws a ConfigError naming `variable` and the field. */
export function parseAiConfig(json: unknown, variable = "DISPATCH_AI_CONFIG"): AiConfig {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(variable, `${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  const file = parsed.data;
  const prices = new Map(
    Object.entries(file.prices).map(([key, p]) => [key, { inputNanoUsd: Math.round(p.inputUsdPerMTok * 1000), outputNanoUsd: Math.round(p.outputUsdPerMTok * 1000) }]),
  );
  const aliases = new Map(
    Object.entries(file.aliases).map(([alias, deployments]) => [
      alias,
      deployments.map((d, i) => {
        if (!prices.has(`${d.provider}/${d.model}`)) throw new ConfigError(variable, `aliases.${alias}.${i}: no price for ${d.provider}/${d.model}`);
        return { provider: d.provider, model: d.model, timeoutMs: d.timeoutMs ?? file.attemptTimeoutMs };
      }),
    ]),
  );
  const byTenant = <T>(table: Record<string, T>, tenant: string): T | undefined => table[tenant] ?? table["*"];
  return {
    priceVersion: file.priceVersion,
    prices,
    aliases,
    defaultMaxTokens: file.defaultMaxTokens,
    requestTimeoutMs: file.requestTimeoutMs,
    retry: file.retry,
    cooldown: file.cooldown,
    budgetOf(tenant) {
      const budget = byTenant(file.budgets, tenant);
      return { softNanoUsd: nano(budget?.softUsd), hardNanoUsd: nano(budget?.hardUsd) };
    },
    limitsOf: (tenant) => byTenant(file.limits, tenant) ?? {},
  };
}

/** loadAiConfig reads and checks the configuration file at `path`. */
export function loadAiConfig(path: string, variable = "DISPATCH_AI_CONFIG"): AiConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(variable, `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  try {
    return parseAiConfig(JSON.parse(text), variable);
  } catch (error) {
    if (error instanceof SyntaxError) throw new ConfigError(variable, `${path} is not JSON: ${error.message}`);
    throw error;
  }
}
