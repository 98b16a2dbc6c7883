// Generate, GenerateStream and GetUsage through a real dispatch server, against local servers that
// speak each provider's wire format.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { createLogger, listen, serviceTokenInterceptor, serviceTokenMinter, type Listening } from "@aivo/mesh-node";
import { ChatRole, DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import type { DispatchConfig } from "../config.js";
import { build, type Dispatch } from "../server.js";
import { parseAiConfig } from "./ai-config.js";
import { startProviderStandIn, type ProviderStandIn } from "./provider-stand-in.js";
import { PROVIDERS, type ProviderName } from "./providers.js";

const secret = "a-service-token-secret-of-32-chars!";

/**
 * Chains fail over from OpenAI (300 ms timeout) to Anthropic. Each test has its own chain, with its
 * own model names, so that the cooldowns one test causes do not reach another.
 */
const chains = ["500", "429", "timeout", "400", "down", "deadline", "released", "stream", "break", "partial", "metrics"];
const chainPrices = Object.fromEntries(chains.flatMap((c) => [`openai/gpt-${c}`, `anthropic/claude-${c}`].map((key) => [key, { inputUsdPerMTok: 1, outputUsdPerMTok: 2 }])));
const chainAliases = Object.fromEntries(
  chains.map((c) => [
    `chain-${c}`,
    [
      { provider: "openai", model: `gpt-${c}`, timeoutMs: 300 },
      { provider: "anthropic", model: `claude-${c}` },
    ],
  ]),
);

// Prices are USD per million tokens.
const aiConfig = parseAiConfig({
  priceVersion: "test-2026-11",
  prices: {
    ...chainPrices,
    "openai/gpt-test": { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 },
    "anthropic/claude-test": { inputUsdPerMTok: 0.8, outputUsdPerMTok: 4 },
    "google/gemini-test": { inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.4 },
    "mistral/mistral-test": { inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.3 },
    "google/gemini-cool": { inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
    "mistral/mistral-cool": { inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
    "openai/gpt-budget": { inputUsdPerMTok: 1, outputUsdPerMTok: 2 },
  },
  aliases: {
    openai: [{ provider: "openai", model: "gpt-test" }],
    anthropic: [{ provider: "anthropic", model: "claude-test" }],
    google: [{ provider: "google", model: "gemini-test" }],
    mistral: [{ provider: "mistral", model: "mistral-test" }],
    ...chainAliases,
    cooling: [
      { provider: "google", model: "gemini-cool" },
      { provider: "mistral", model: "mistral-cool" },
    ],
    budgeted: [{ provider: "openai", model: "gpt-budget" }],
  },
  defaultMaxTokens: 256,
  requestTimeoutMs: 10_000,
  attemptTimeoutMs: 5_000,
  retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 5 },
  cooldown: { failures: 1, ms: 300 },
  budgets: { "tenant-capped": { hardUsd: 0.00038 }, "tenant-soft": { softUsd: 0.000001 } },
  limits: { "tenant-limited": { rpm: 2 } },
});

const standIns = {} as Record<ProviderName, ProviderStandIn>;
let dispatch: Dispatch;
let server: Listening;
let baseUrl: string;

beforeAll(async () => {
  for (const provider of PROVIDERS) standIns[provider] = await startProviderStandIn(provider);
  const providers = Object.fromEntries(PROVIDERS.map((p) => [p, { apiKey: `key-${p}`, baseUrl: `${standIns[p].baseUrl}/v1` }]));
  const config: DispatchConfig = { port: 0, brainServiceUrl: "http://127.0.0.1:1", brainServiceTimeoutMs: 1000, serviceTokenSecret: secret, logLevel: "info", ai: aiConfig, providers };
  const logger = createLogger({ service: "dispatch", level: "silent" });
  dispatch = await build(config, logger);
  server = await listen(dispatch.handler, { port: 0, logger, graceMs: 100 });
  baseUrl = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await dispatch.close();
  await Promise.all(Object.values(standIns).map((s) => s.close()));
});
beforeEach(() => {
  for (const standIn of Object.values(standIns)) {
    standIn.script.length = 0;
    standIn.requests.length = 0;
  }
});

function dispatchClient() {
  return createClient(
    DispatchService,
    createGrpcTransport({ baseUrl, interceptors: [serviceTokenInterceptor(serviceTokenMinter({ secret, issuer: "gateway", audience: "dispatch" }))] }),
  );
}

const asTenant = (tenant: string) => ({ headers: { "x-tenant-id": tenant } });
const hello = (model: string, extra: Record<string, unknown> = {}) => ({ model, messages: [{ role: ChatRole.USER, content: "hi" }], ...extra });

describe("Generate", () => {
  it.each(PROVIDERS)("answers through %s's wire format with its token usage", async (provider) => {
    const response = await dispatchClient().generate(hello(provider), asTenant(`tenant-happy-${provider}`));

    expect(response.text).toBe("Hello from the stand-in");
    expect(response.generation).toMatchObject({ provider, inputTokens: 12n, outputTokens: 7n, attempts: 1, finishReason: "stop", priceVersion: "test-2026-11" });
    expect(standIns[provider].requests).toHaveLength(1);
  });

  it("passes the system prompt, max tokens and temperature on to the provider", async () => {
    await dispatchClient().generate(
      { model: "openai", messages: [{ role: ChatRole.SYSTEM, content: "Be brief." }, { role: ChatRole.USER, content: "hi" }], maxTokens: 10, temperature: 0.5 },
      asTenant("tenant-params"),
    );

    expect(standIns.openai.requests[0]).toMatchObject({
      model: "gpt-test",
      max_tokens: 10,
      temperature: 0.5,
      messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "hi" }],
    });
  });

  it.each([
    ["answers 500", "500", [{ status: 500 }, { status: 500 }]],
    ["answers 429", "429", [{ status: 429 }, { status: 429 }]],
    ["times out", "timeout", ["hang" as const, "hang" as const]],
  ])("fails over to the next deployment when the first %s, after retrying it once", async (_, chain, script) => {
    standIns.openai.script.push(...script);

    const response = await dispatchClient().generate(hello(`chain-${chain}`), asTenant("tenant-failover"));

    expect(response.generation).toMatchObject({ provider: "anthropic", model: `claude-${chain}`, attempts: 3 });
    expect(standIns.openai.requests).toHaveLength(2);
  });

  it("does not fail over on a 400, which the request caused, and names the provider", async () => {
    standIns.openai.script.push({ status: 400 });

    const error = await dispatchClient().generate(hello("chain-400"), asTenant("tenant-400")).catch(ConnectError.from);

    expect(error).toMatchObject({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^messages: openai\/gpt-400 refused the request \(HTTP 400\)/) });
    expect(standIns.anthropic.requests).toHaveLength(0);
  });

  it("skips a deployment cooling down after failing, and takes it back when the cooldown ends", async () => {
    standIns.google.script.push({ status: 503 }, { status: 503 });
    const first = await dispatchClient().generate(hello("cooling"), asTenant("tenant-cooling"));

    const second = await dispatchClient().generate(hello("cooling"), asTenant("tenant-cooling"));
    const googleCallsWhileCooling = standIns.google.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 350));
    const third = await dispatchClient().generate(hello("cooling"), asTenant("tenant-cooling"));

    expect([first, second, third].map((r) => r.generation?.provider)).toEqual(["mistral", "mistral", "google"]);
    expect(googleCallsWhileCooling).toBe(2);
    expect(standIns.google.requests).toHaveLength(3);
  });

  it("answers UNAVAILABLE naming the last failure when every deployment fails", async () => {
    standIns.openai.script.push({ status: 502 }, { status: 502 });
    standIns.anthropic.script.push({ status: 500 }, { status: 500 });

    const error = await dispatchClient().generate(hello("chain-down"), asTenant("tenant-all-down")).catch(ConnectError.from);

    expect(error).toMatchObject({ code: Code.Unavailable, rawMessage: "every deployment failed; last: anthropic/claude-down: HTTP 500" });
  });

  it("stops at the caller's deadline with DEADLINE_EXCEEDED", async () => {
    standIns.openai.script.push("hang", "hang");
    standIns.anthropic.script.push("hang", "hang");

    const error = await dispatchClient().generate(hello("chain-deadline"), { ...asTenant("tenant-deadline"), timeoutMs: 500 }).catch(ConnectError.from);

    expect(error).toMatchObject({ code: Code.DeadlineExceeded });
  });
});

describe("Generate refuses bad input with INVALID_ARGUMENT naming the field", () => {
  it.each([
    ["messages", { model: "openai", messages: [] }],
    ["max_tokens", hello("openai", { maxTokens: -5 })],
    ["messages[0].content", { model: "openai", messages: [{ role: ChatRole.USER, content: "" }] }],
    ["messages[0].role", { model: "openai", messages: [{ role: ChatRole.UNSPECIFIED, content: "hi" }] }],
    ["model", hello("no-such-alias")],
  ])("%s", async (field, request) => {
    const error = await dispatchClient().generate(request, asTenant("tenant-bad")).catch(ConnectError.from);

    expect(error).toMatchObject({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, "\\$&")}: `)) });
    expect(standIns.openai.requests).toHaveLength(0);
  });

  it("x-tenant-id, when the call carries no tenant", async () => {
    const error = await dispatchClient().generate(hello("openai")).catch(ConnectError.from);

    expect(error).toMatchObject({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^x-tenant-id: /) });
  });
});

describe("cost and budgets", () => {
  it("books the exact cost of known token counts in the ledger, per tenant, provider, model and day", async () => {
    await dispatchClient().generate(hello("openai"), asTenant("tenant-cost"));
    await dispatchClient().generate(hello("openai"), asTenant("tenant-cost"));

    const usage = await dispatchClient().getUsage({}, asTenant("tenant-cost"));

    // 12 input tokens at 0.15 USD and 7 output tokens at 0.6 USD per million: 1800 + 4200 nano-USD each.
    expect(usage.rows).toEqual([
      expect.objectContaining({ day: new Date().toISOString().slice(0, 10), provider: "openai", model: "gpt-test", requests: 2n, inputTokens: 24n, outputTokens: 14n, costNanoUsd: 12000n }),
    ]);
    expect(usage.totalCostNanoUsd).toBe(12000n);
    expect(usage.budget).toMatchObject({ spentNanoUsd: 12000n, reservedNanoUsd: 0n });
  });

  it("holds the hard budget under 50 concurrent requests: no overspend, the rest RESOURCE_EXHAUSTED", async () => {
    const calls = Array.from({ length: 50 }, () => dispatchClient().generate(hello("budgeted", { maxTokens: 10 }), asTenant("tenant-capped")).catch(ConnectError.from));

    const results = await Promise.all(calls);

    const answered = results.filter((r) => !(r instanceof ConnectError));
    const refused = results.filter((r) => r instanceof ConnectError);
    const { budget, totalCostNanoUsd } = await dispatchClient().getUsage({}, asTenant("tenant-capped"));
    // Each answer costs 12 * 1000 + 7 * 2000 = 26000 nano-USD; the hard limit is 380000.
    expect(totalCostNanoUsd).toBe(BigInt(answered.length * 26000));
    expect(budget!.spentNanoUsd).toBeLessThanOrEqual(380000n);
    expect(answered.length).toBeGreaterThan(0);
    expect(refused.every((e) => e.code === Code.ResourceExhausted)).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    expect(budget!.reservedNanoUsd).toBe(0n);
  });

  it("warns in the answer once the tenant passed its soft budget", async () => {
    const response = await dispatchClient().generate(hello("openai"), asTenant("tenant-soft"));

    expect(response.generation?.warnings).toEqual([expect.stringMatching(/^tenant tenant-soft passed its soft budget/)]);
  });

  it("releases the hold of a refused request", async () => {
    standIns.openai.script.push({ status: 400 });
    await dispatchClient().generate(hello("chain-released"), asTenant("tenant-released")).catch(ConnectError.from);

    const { budget } = await dispatchClient().getUsage({}, asTenant("tenant-released"));

    expect(budget).toMatchObject({ spentNanoUsd: 0n, reservedNanoUsd: 0n });
  });

  it("refuses a tenant past its requests per minute with RESOURCE_EXHAUSTED", async () => {
    await dispatchClient().generate(hello("openai"), asTenant("tenant-limited"));
    await dispatchClient().generate(hello("openai"), asTenant("tenant-limited"));

    const error = await dispatchClient().generate(hello("openai"), asTenant("tenant-limited")).catch(ConnectError.from);

    expect(error).toMatchObject({ code: Code.ResourceExhausted, rawMessage: expect.stringMatching(/requests per minute/) });
  });
});

describe("GenerateStream", () => {
  async function collect(model: string, tenant: string) {
    const deltas: string[] = [];
    let done;
    for await (const { event } of dispatchClient().generateStream({ request: hello(model) }, asTenant(tenant))) {
      if (event.case === "delta") deltas.push(event.value);
      if (event.case === "done") done = event.value;
    }
    return { deltas, done };
  }

  it.each(PROVIDERS)("streams %s's answer token by token, then its usage and cost", async (provider) => {
    const { deltas, done } = await collect(provider, `tenant-stream-${provider}`);

    expect(deltas).toEqual(["Hello", " from", " the", " stand-in"]);
    expect(done).toMatchObject({ provider, inputTokens: 12n, outputTokens: 7n, attempts: 1 });
  });

  it("fails over before the first token", async () => {
    standIns.openai.script.push({ status: 500 }, { status: 429 });

    const { deltas, done } = await collect("chain-stream", "tenant-stream-failover");

    expect(deltas.join("")).toBe("Hello from the stand-in");
    expect(done).toMatchObject({ provider: "anthropic", attempts: 3 });
  });

  it("does not fail over after the first token: the stream ends UNAVAILABLE", async () => {
    standIns.openai.script.push("break");
    const deltas: string[] = [];

    const error = await (async () => {
      for await (const { event } of dispatchClient().generateStream({ request: hello("chain-break") }, asTenant("tenant-stream-break"))) {
        if (event.case === "delta") deltas.push(event.value);
      }
    })().catch(ConnectError.from);

    expect(deltas).toEqual(["Hello"]);
    expect(error).toMatchObject({ code: Code.Unavailable, rawMessage: expect.stringMatching(/^openai\/gpt-break failed after the first token/) });
    expect(standIns.anthropic.requests).toHaveLength(0);
  });

  it("charges a stream that broke after its first token for the tokens so far, estimated from its text and prompt", async () => {
    standIns.openai.script.push("break");
    const stream = dispatchClient().generateStream({ request: hello("chain-partial") }, asTenant("tenant-stream-partial"));
    await (async () => {
      for await (const _ of stream);
    })().catch(ConnectError.from);

    const usage = await dispatchClient().getUsage({}, asTenant("tenant-stream-partial"));

    // "Hello" (5 characters) is about 2 tokens and the prompt "hi" about 1, at 2 and 1 USD per million tokens.
    expect(usage.rows).toEqual([expect.objectContaining({ provider: "openai", model: "gpt-partial", requests: 1n, inputTokens: 1n, outputTokens: 2n, costNanoUsd: 5000n })]);
    expect(usage.budget).toMatchObject({ spentNanoUsd: 5000n, reservedNanoUsd: 0n });
  });

  it("refuses a request without a model alias, naming request.model", async () => {
    const error = await collect("", "tenant-stream-bad").catch(ConnectError.from);

    expect(error).toMatchObject({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^request\.model: /) });
  });
});

describe("metrics", () => {
  it("counts tokens, cost and failovers per provider and model", async () => {
    standIns.openai.script.push({ status: 500 }, { status: 500 });
    await dispatchClient().generate(hello("chain-metrics"), asTenant("tenant-metrics"));

    const body = await (await fetch(`${baseUrl}/metrics`)).text();

    expect(body).toMatch(/aivo_ai_tokens_total\{provider="anthropic",model="claude-metrics",direction="output"\} [1-9]/);
    expect(body).toMatch(/aivo_ai_cost_nano_usd_total\{provider="anthropic",model="claude-metrics"\} [1-9]/);
    expect(body).toMatch(/aivo_ai_failovers_total\{alias="chain-metrics",provider="openai",model="gpt-metrics"\} [1-9]/);
    expect(body).toMatch(/aivo_ai_provider_errors_total\{provider="openai",model="gpt-metrics",outcome="HTTP 500"\} [1-9]/);
  });
});
