import { afterEach, describe, expect, it } from "vitest";
import { Code, ConnectError, type ConnectRouter } from "@connectrpc/connect";
import { ChatRole, DispatchService, type GenerateRequest } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { getBrainServiceClient } from "./client.js";
import { BrainServiceError, BrainServiceUnavailableError } from "./errors.js";
import type { RetryOptions } from "./retry.js";
import { startTestServer, type TestServer } from "./test-server.js";

const generation = { provider: "openai", model: "gpt-4o-mini", inputTokens: 12n, outputTokens: 3n, costNanoUsd: 3600n, priceVersion: "2025-06-01", finishReason: "stop", attempts: 1 };

let server: TestServer | undefined;
afterEach(() => server?.close());

async function client(routes: (router: ConnectRouter) => void, retry: Partial<RetryOptions> = { maxRetries: 0 }) {
  server = await startTestServer(routes);
  return getBrainServiceClient({ baseUrl: server.url, timeout: 1000, retry });
}

/** A policy that would retry three times, quickly. */
const retrying = { maxRetries: 3, retryDelayMs: 5, backoffMultiplier: 2 };
const unavailable = () => new ConnectError("every provider of chat failed", Code.Unavailable);

describe("generate", () => {
  it("sends the chat with its roles and parameters, and flattens the answer with its cost", async () => {
    let received: GenerateRequest | undefined;
    const ai = await client((router) =>
      router.service(DispatchService, {
        generate(request) {
          received = request;
          return { text: "A cat sat.", generation };
        },
      }),
    );

    const result = await ai.generate({ model: "chat", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "A story?" }], maxTokens: 20, temperature: 0.5 });

    expect(received).toMatchObject({ model: "chat", maxTokens: 20, temperature: 0.5, messages: [{ role: ChatRole.SYSTEM, content: "Be brief." }, { role: ChatRole.USER, content: "A story?" }] });
    expect(result).toEqual({ text: "A cat sat.", provider: "openai", model: "gpt-4o-mini", inputTokens: 12, outputTokens: 3, costNanoUsd: 3600, priceVersion: "2025-06-01", finishReason: "stop", attempts: 1, warnings: [] });
  });

  it.each([
    ["messages", { model: "chat", messages: [] }],
    ["messages[0].role", { model: "chat", messages: [{ role: "robot" as "user", content: "hi" }] }],
    ["max_tokens", { model: "chat", messages: [{ role: "user" as const, content: "hi" }], maxTokens: -5 }],
  ])("refuses bad %s before sending it, naming the field", async (field, options) => {
    let calls = 0;
    const ai = await client((router) => router.service(DispatchService, { generate: () => (calls++, {}) }));

    const call = ai.generate(options);

    await expect(call).rejects.toBeInstanceOf(BrainServiceError);
    await expect(call).rejects.toMatchObject({ code: Code.InvalidArgument, message: expect.stringMatching(new RegExp(`^${field.replace(/[[\]]/g, "\\$&")}: `)) });
    expect(calls).toBe(0);
  });

  it("sends Generate once when dispatch answers UNAVAILABLE, as dispatch fails over itself and a repeat could be charged twice", async () => {
    let calls = 0;
    const ai = await client((router) => router.service(DispatchService, { generate: () => (calls++, Promise.reject(unavailable())) }), retrying);

    const call = ai.generate({ model: "chat", messages: [{ role: "user", content: "hi" }] });

    await expect(call).rejects.toBeInstanceOf(BrainServiceUnavailableError);
    expect(calls).toBe(1);
  });
});

describe("streamGenerate", () => {
  it("yields the tokens as they come, then has the answer's usage and cost", async () => {
    const ai = await client((router) =>
      router.service(DispatchService, {
        async *generateStream() {
          for (const delta of ["A", " cat", " sat."]) yield { event: { case: "delta", value: delta } };
          yield { event: { case: "done", value: generation } };
        },
      }),
    );
    const stream = ai.streamGenerate({ model: "chat", messages: [{ role: "user", content: "A story?" }] });

    const tokens = [];
    for await (const token of stream) tokens.push(token);

    expect(tokens).toEqual(["A", " cat", " sat."]);
    expect(stream.generation).toMatchObject({ provider: "openai", outputTokens: 3, costNanoUsd: 3600 });
  });

  it("ends with BrainServiceUnavailableError after the tokens so far when the provider fails mid-stream", async () => {
    const ai = await client((router) =>
      router.service(DispatchService, {
        async *generateStream() {
          yield { event: { case: "delta", value: "A" } };
          throw new ConnectError("openai/gpt-4o-mini failed after the first token: network error", Code.Unavailable);
        },
      }),
    );
    const stream = ai.streamGenerate({ model: "chat", messages: [{ role: "user", content: "A story?" }] });
    const tokens: string[] = [];

    const error = await (async () => {
      for await (const token of stream) tokens.push(token);
    })().catch((e: unknown) => e);

    expect(tokens).toEqual(["A"]);
    expect(error).toBeInstanceOf(BrainServiceUnavailableError);
    expect(stream.generation).toBeUndefined();
  });

  it("opens GenerateStream once when dispatch answers UNAVAILABLE before the first token", async () => {
    let calls = 0;
    const ai = await client(
      (router) =>
        router.service(DispatchService, {
          async *generateStream() {
            calls++;
            throw unavailable();
          },
        }),
      retrying,
    );

    const tokens: string[] = [];

    const error = await (async () => {
      for await (const token of ai.streamGenerate({ model: "chat", messages: [{ role: "user", content: "A story?" }] })) tokens.push(token);
    })().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BrainServiceUnavailableError);
    expect(tokens).toEqual([]);
    expect(calls).toBe(1);
  });
});

describe("getUsage", () => {
  it("asks for the days given and turns the counts into numbers", async () => {
    let range: { fromDay: string; toDay: string } | undefined;
    const ai = await client((router) =>
      router.service(DispatchService, {
        getUsage(request) {
          range = { fromDay: request.fromDay, toDay: request.toDay };
          return {
            rows: [{ day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", requests: 2n, inputTokens: 24n, outputTokens: 6n, costNanoUsd: 7200n }],
            totalCostNanoUsd: 7200n,
            budget: { month: "2026-11", spentNanoUsd: 7200n, hardLimitNanoUsd: 1_000_000n },
          };
        },
      }),
    );

    const usage = await ai.getUsage({ fromDay: "2026-11-01", toDay: "2026-11-24" });

    expect(range).toEqual({ fromDay: "2026-11-01", toDay: "2026-11-24" });
    expect(usage).toEqual({
      rows: [{ day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", requests: 2, inputTokens: 24, outputTokens: 6, costNanoUsd: 7200 }],
      totalCostNanoUsd: 7200,
      budget: { month: "2026-11", spentNanoUsd: 7200, reservedNanoUsd: 0, softLimitNanoUsd: 0, hardLimitNanoUsd: 1_000_000 },
    });
  });

  it("is sent again after UNAVAILABLE, as reading usage has no side effects", async () => {
    let calls = 0;
    const ai = await client((router) => router.service(DispatchService, { getUsage: () => (++calls < 3 ? Promise.reject(unavailable()) : { totalCostNanoUsd: 7200n }) }), retrying);

    const usage = await ai.getUsage();

    expect(usage.totalCostNanoUsd).toBe(7200);
    expect(calls).toBe(3);
  });
});
