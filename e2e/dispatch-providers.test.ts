// AI generation across real processes: a Connect client and curl reach dispatch through the gateway
// (and Envoy), and dispatch calls local servers speaking the providers' wire formats.
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";
import { ChatRole, DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProviderStandIn, type ProviderStandIn } from "../services/dispatch/src/ai/provider-stand-in.ts";
import { startMesh, type Mesh } from "./mesh.ts";
import { userToken } from "./tokens.ts";

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

  it("GET /api/v1/ai/usage answers 200 with the tenant's budget", async () => {
    const response = await fetch(`${mesh.envoyUrl}/api/v1/ai/usage`, { headers });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ budget: { month: new Date().toISOString().slice(0, 7) } });
  });
});
