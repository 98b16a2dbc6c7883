import { describe, expect, it } from "vitest";
import { APICallError } from "@ai-sdk/provider";
import { Code } from "@connectrpc/connect";
import type { Deployment } from "./ai-config.js";
import { Cooldowns } from "./cooldown.js";
import { backoffMs, failover } from "./failover.js";

const first: Deployment = { provider: "openai", model: "gpt", timeoutMs: 1000 };
const second: Deployment = { provider: "anthropic", model: "claude", timeoutMs: 1000 };
const retry = { retries: 2, baseDelayMs: 1, maxDelayMs: 4 };

const httpError = (statusCode: number) =>
  new APICallError({ message: `HTTP ${statusCode}`, url: "http://provider.test", requestBodyValues: {}, statusCode, isRetryable: statusCode === 429 || statusCode >= 500 });

function options() {
  return { retry, cooldowns: new Cooldowns({ failures: 10, ms: 1000 }), signal: new AbortController().signal };
}

describe("failover", () => {
  it("moves on at once from a deployment that refuses its key (401), without retrying it", async () => {
    const tried: string[] = [];

    const answered = await failover(
      [first, second],
      async (d) => {
        tried.push(d.provider);
        if (d === first) throw httpError(401);
        return "answer";
      },
      options(),
    );

    expect(tried).toEqual(["openai", "anthropic"]);
    expect(answered).toMatchObject({ value: "answer", deployment: second, attempts: 2 });
  });

  it("answers UNAVAILABLE when no deployment is usable", async () => {
    await expect(failover([], async () => "never", options())).rejects.toMatchObject({ code: Code.Unavailable });
  });

  it("answers CANCELED when the caller went away", async () => {
    const caller = new AbortController();
    caller.abort();

    await expect(failover([first], async () => "never", { ...options(), signal: caller.signal })).rejects.toMatchObject({ code: Code.Canceled });
  });
});

describe("backoffMs", () => {
  it("doubles its ceiling with each retry, up to the maximum", () => {
    const ceilings = [0, 1, 2, 3, 4].map((n) => backoffMs(n, { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 }, () => 0.999999));

    expect(ceilings.map(Math.round)).toEqual([100, 200, 400, 800, 1000]);
  });

  it("spreads delays below the ceiling (full jitter)", () => {
    expect(backoffMs(3, { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 }, () => 0.25)).toBe(200);
  });
});
