// AI generation across real processes: a Connect client, @aivo/python-client and curl reach dispatch
// through the gateway (and Envoy), and dispatch calls local servers speaking the providers' wire formats.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { ChatRole, DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { getBrainServiceClient } from "@aivo/python-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProviderStandIn, type ProviderStandIn } from "../services/dispatch/src/ai/provider-stand-in.ts";
import { startMesh, type Mesh } from "./mesh.ts";
import { userToken } from "./tokens.ts";

const run = promisify(execFile);
const pieces = ["Once", " upon", " a", " time", "."];
let openai: ProviderStandIn;
let anthropic: ProviderStandIn;
let mesh: Mesh;
let headers: Record<string, string>;

beforeAll(async () => {
  openai = await startProviderStandIn("openai", { pieces, inputTokens: 20, outputTokens: 5 });
  anthropic = await startProviderStandIn("anthropic", { pieces, inputTokens: 20, outputTokens: 5 });
  mesh = await startMesh({
    env: {
      OPENAI_API_KEY: "sk-e2e",
      OPENAI_BASE_URL: `${openai.baseUrl}/v1`,
      ANTHROPIC_API_KEY: "sk-ant-e2e",
      ANTHROPIC_BASE_URL: `${anthropic.baseUrl}/v1`,
    },
  });
  headers = { authorization: `Bearer ${await userToken(mesh.jwtSecret, { tenantId: "tenant-e2e-ai" })}` };
});
afterAll(async () => {
  await mesh?.stop();
  await openai?.close();
  await anthropic?.close();
});

const story = { model: "chat", messages: [{ role: ChatRole.USER, content: "Tell me a story." }], maxTokens: 50 };

describe("a Connect client of the gateway", () => {
  const dispatch = () => createClient(DispatchService, createConnectTransport({ baseUrl: mesh.gatewayUrl, httpVersion: "1.1" }));

  it("receives a streamed answer token by token, then its usage and cost", async () => {
    const events = [];
    for await (const { event } of dispatch().generateStream({ request: story }, { headers })) events.push(event);

    expect(events.slice(0, -1)).toEqual(pieces.map((value) => ({ case: "delta", value })));
    expect(events.at(-1)).toMatchObject({ case: "done", value: { provider: "openai", model: "gpt-4o-mini", inputTokens: 20n, outputTokens: 5n } });
  });

  it("gets an answer from the next provider when the first answers 500", async () => {
    openai.script.push({ status: 500 }, { status: 500 });

    const response = await dispatch().generate(story, { headers });

    expect(response.text).toBe(pieces.join(""));
    expect(response.generation).toMatchObject({ provider: "anthropic", attempts: 3 });
  });

  it("sees its tenant's cost in GetUsage", async () => {
    const usage = await dispatch().getUsage({}, { headers });

    // gpt-4o-mini: 20 input tokens at 0.15 USD and 5 output tokens at 0.6 USD per million.
    expect(usage.rows).toContainEqual(expect.objectContaining({ provider: "openai", model: "gpt-4o-mini", costNanoUsd: 20n * 150n + 5n * 600n }));
  });

  it("gets the bad field named", async () => {
    const error = await dispatch()
      .generate({ ...story, messages: [] }, { headers })
      .catch(ConnectError.from);

    expect(error).toMatchObject({ code: Code.InvalidArgument, rawMessage: expect.stringMatching(/^messages: /) });
  });
});

describe("@aivo/python-client against the gateway with a user JWT", () => {
  const client = () => getBrainServiceClient({ baseUrl: mesh.gatewayUrl, token: headers.authorization!.replace(/^Bearer /, ""), timeout: 10_000, retry: { maxRetries: 0 } });
  const chat = { model: "chat", messages: [{ role: "user" as const, content: "Tell me a story." }], maxTokens: 50 };

  it("generates an answer with its provider and cost", async () => {
    const result = await client().generate(chat);

    expect(result).toMatchObject({ text: pieces.join(""), provider: "openai", inputTokens: 20, outputTokens: 5, costNanoUsd: 20 * 150 + 5 * 600 });
  });

  it("streams the answer token by token, then has its cost", async () => {
    const stream = client().streamGenerate(chat);

    const tokens = [];
    for await (const token of stream) tokens.push(token);

    expect(tokens).toEqual(pieces);
    expect(stream.generation).toMatchObject({ provider: "openai", costNanoUsd: 20 * 150 + 5 * 600 });
  });

  it("reads its tenant's usage", async () => {
    const usage = await client().getUsage();

    expect(usage.rows).toContainEqual(expect.objectContaining({ provider: "openai", model: "gpt-4o-mini" }));
    expect(usage.budget.month).toBe(new Date().toISOString().slice(0, 7));
  });
});

describe("REST through Envoy", () => {
  it("POST /api/v1/ai/generate answers 200 with the text and its cost", async () => {
    const response = await fetch(`${mesh.envoyUrl}/api/v1/ai/generate`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ model: "chat", messages: [{ role: "CHAT_ROLE_USER", content: "Tell me a story." }] }),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ text: pieces.join(""), generation: { costNanoUsd: String(20 * 150 + 5 * 600) } });
  });

  it("POST /api/v1/ai/generate:stream streams server-sent events, a delta per token, then the usage and cost", async () => {
    const body = JSON.stringify({ model: "chat", messages: [{ role: "CHAT_ROLE_USER", content: "Tell me a story." }] });
    const args = ["-sS", "-N", "-D", "-", "-X", "POST", "-H", `authorization: ${headers.authorization}`, "-H", "content-type: application/json", "-d", body];

    const { stdout } = await run("curl", [...args, `${mesh.envoyUrl}/api/v1/ai/generate:stream`]);

    const [head, ...events] = stdout.split(/\r?\n\r?\n/).filter(Boolean);
    expect(head).toMatch(/^HTTP\/1\.1 200/);
    expect(head).toMatch(/^content-type: text\/event-stream/im);
    const messages = events.map((event) => JSON.parse(event.replace(/^data: /, "")) as Record<string, unknown>);
    expect(messages.slice(0, -1)).toEqual(pieces.map((delta) => ({ delta })));
    expect(messages.at(-1)).toMatchObject({ done: { provider: "openai", outputTokens: "5", costNanoUsd: String(20 * 150 + 5 * 600) } });
  });

  it("GET /api/v1/ai/usage answers 200 with the tenant's budget", async () => {
    const response = await fetch(`${mesh.envoyUrl}/api/v1/ai/usage`, { headers });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ budget: { month: new Date().toISOString().slice(0, 7) } });
  });
});
