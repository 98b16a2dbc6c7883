import { describe, expect, it } from "vitest";
import { ConfigError } from "@aivo/mesh-node";
import { DEFAULT_AI_CONFIG } from "../config.js";
import { loadAiConfig, parseAiConfig } from "./ai-config.js";
import { costNanoUsd, maxInputTokens } from "./cost.js";

const minimal = {
  priceVersion: "v1",
  prices: { "openai/gpt": { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 } },
  aliases: { chat: [{ provider: "openai", model: "gpt" }] },
  defaultMaxTokens: 100,
  requestTimeoutMs: 1000,
  attemptTimeoutMs: 500,
  retry: { retries: 1, baseDelayMs: 10, maxDelayMs: 100 },
  cooldown: { failures: 3, ms: 1000 },
};

describe("parseAiConfig", () => {
  it("reads the shipped configuration", () => {
    const config = loadAiConfig(DEFAULT_AI_CONFIG);

    expect(config.aliases.get("chat")?.map((d) => d.provider)).toEqual(["openai", "anthropic", "google", "mistral"]);
  });

  it("keeps prices as whole nano-dollars per token and budgets by tenant, with * for the others", () => {
    const config = parseAiConfig({ ...minimal, budgets: { "*": { hardUsd: 5 }, "tenant-a": { softUsd: 0.5 } } });

    expect(config.prices.get("openai/gpt")).toEqual({ inputNanoUsd: 150, outputNanoUsd: 600 });
    expect(config.budgetOf("tenant-a")).toEqual({ softNanoUsd: 500_000_000, hardNanoUsd: 0 });
    expect(config.budgetOf("tenant-b")).toEqual({ softNanoUsd: 0, hardNanoUsd: 5_000_000_000 });
    expect(config.aliases.get("chat")?.[0]?.timeoutMs).toBe(500);
  });

  it.each([
    ["a deployment without a price", { ...minimal, aliases: { chat: [{ provider: "openai", model: "gpt-unpriced" }] } }, /aliases\.chat\.0: no price for openai\/gpt-unpriced/],
    ["an unknown provider", { ...minimal, aliases: { chat: [{ provider: "acme", model: "gpt" }] } }, /^DISPATCH_AI_CONFIG: aliases\.chat\.0\.provider: /],
    ["a price finer than a nano-dollar per token", { ...minimal, prices: { "openai/gpt": { inputUsdPerMTok: 0.0001, outputUsdPerMTok: 1 } } }, /prices\.openai\/gpt\.inputUsdPerMTok: must have at most 3 decimals/],
    ["an alias without deployments", { ...minimal, aliases: { chat: [] } }, /aliases\.chat: /],
  ])("refuses %s, naming the field", (_, file, message) => {
    expect(() => parseAiConfig(file)).toThrow(ConfigError);
    expect(() => parseAiConfig(file)).toThrow(message);
  });
});

describe("cost", () => {
  it("is tokens times the price per token, exactly", () => {
    expect(costNanoUsd({ inputNanoUsd: 150, outputNanoUsd: 600 }, 1_234, 567)).toBe(1_234 * 150 + 567 * 600);
  });

  it("bounds a prompt's tokens by its UTF-8 bytes plus the chat format's overhead", () => {
    expect(maxInputTokens(["hi", "héllo"])).toBe(8 + (2 + 8) + (6 + 8));
  });
});
