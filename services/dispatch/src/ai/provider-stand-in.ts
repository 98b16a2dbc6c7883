// Local HTTP servers speaking each provider's wire format (OpenAI and Mistral chat completions,
// Anthropic messages, Google generateContent; plain JSON and SSE streams), for tests and the benchmark.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { ProviderName } from "./providers.js";

/** What the stand-in does with one request: answer, fail with an HTTP status, never answer, or drop a stream after its first event. */
export type Behaviour = "ok" | "hang" | "break" | { status: number };

export interface StandInAnswer {
  /** pieces are the answer's text, one stream event each. */
  pieces: string[];
  inputTokens: number;
  outputTokens: number;
}

export interface ProviderStandIn {
  /** baseUrl is what the provider's *_BASE_URL would be. */
  baseUrl: string;
  /** script is consumed one behaviour per request; when empty, requests are answered. */
  script: Behaviour[];
  /** requests are the JSON bodies received, in order. */
  requests: Record<string, unknown>[];
  close(): Promise<void>;
}

type Wire = {
  answer(a: StandInAnswer, model: string): unknown;
  events(a: StandInAnswer, model: string): { event?: string; data: unknown }[];
  error(status: number): unknown;
};

const openAiChat: Wire = {
  answer: (a, model) => ({
    id: "chatcmpl-1",
    object: "chat.completion",
    created: 1,
    model,
    choices: [{ index: 0, message: { role: "assistant", content: a.pieces.join("") }, finish_reason: "stop" }],
    usage: { prompt_tokens: a.inputTokens, completion_tokens: a.outputTokens, total_tokens: a.inputTokens + a.outputTokens },
  }),
  events: (a, model) => [
    ...a.pieces.map((content, i) => ({
      data: { id: "chatcmpl-1", object: "chat.completion.chunk", created: 1, model, choices: [{ index: 0, delta: i === 0 ? { role: "assistant", content } : { content }, finish_reason: null }] },
    })),
    {
      data: {
        id: "chatcmpl-1",
        object: "chat.completion.chunk",
        created: 1,
        model,
        choices: [{ index: 0, delta: {}, finish_reason: "stop" }],
        usage: { prompt_tokens: a.inputTokens, completion_tokens: a.outputTokens, total_tokens: a.inputTokens + a.outputTokens },
      },
    },
    { data: "[DONE]" },
  ],
  error: (status) => ({ error: { message: `stand-in answered ${status}`, type: "stand_in", param: null, code: String(status) } }),
};

const anthropicMessages: Wire = {
  answer: (a, model) => ({
    id: "msg_1",
    type: "message",
    role: "assistant",
    model,
    content: [{ type: "text", text: a.pieces.join("") }],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: a.inputTokens, output_tokens: a.outputTokens },
  }),
  events: (a, model) => [
    {
      event: "message_start",
      data: { type: "message_start", message: { id: "msg_1", type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: a.inputTokens, output_tokens: 1 } } },
    },
    { event: "content_block_start", data: { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } } },
    ...a.pieces.map((text) => ({ event: "content_block_delta", data: { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } } })),
    { event: "content_block_stop", data: { type: "content_block_stop", index: 0 } },
    { event: "message_delta", data: { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: a.outputTokens } } },
    { event: "message_stop", data: { type: "message_stop" } },
  ],
  error: (status) => ({ type: "error", error: { type: "stand_in_error", message: `stand-in answered ${status}` } }),
};

const googleGenerateContent: Wire = {
  answer: (a) => ({
    candidates: [{ content: { role: "model", parts: [{ text: a.pieces.join("") }] }, finishReason: "STOP", index: 0 }],
    usageMetadata: { promptTokenCount: a.inputTokens, candidatesTokenCount: a.outputTokens, totalTokenCount: a.inputTokens + a.outputTokens },
  }),
  events: (a) =>
    a.pieces.map((text, i) => ({
      data: {
        candidates: [{ content: { role: "model", parts: [{ text }] }, index: 0, ...(i === a.pieces.length - 1 ? { finishReason: "STOP" } : {}) }],
        ...(i === a.pieces.length - 1
          ? { usageMetadata: { promptTokenCount: a.inputTokens, candidatesTokenCount: a.outputTokens, totalTokenCount: a.inputTokens + a.outputTokens } }
          : {}),
      },
    })),
  error: (status) => ({ error: { code: status, message: `stand-in answered ${status}`, status: "STAND_IN" } }),
};

const wires: Record<ProviderName, Wire> = { openai: openAiChat, anthropic: anthropicMessages, google: googleGenerateContent, mistral: openAiChat };

/** modelOf reads the model a request asks for: from the body, or from Google's `/models/{model}:...` path. */
function modelOf(path: string, body: Record<string, unknown>): string {
  return typeof body.model === "string" ? body.model : (/\/models\/([^:/]+):/.exec(path)?.[1] ?? "unknown");
}

export async function startProviderStandIn(
  provider: ProviderName,
  answer: StandInAnswer = { pieces: ["Hello", " from", " the", " stand-in"], inputTokens: 12, outputTokens: 7 },
): Promise<ProviderStandIn> {
  const wire = wires[provider];
  const standIn = { script: [] as Behaviour[], requests: [] as Record<string, unknown>[] };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
    standIn.requests.push(body);
    const behaviour = standIn.script.shift() ?? "ok";
    if (behaviour === "hang") return;
    if (typeof behaviour === "object") {
      res.writeHead(behaviour.status, { "content-type": "application/json" }).end(JSON.stringify(wire.error(behaviour.status)));
      return;
    }
    const model = modelOf(req.url ?? "", body);
    const streaming = body.stream === true || (req.url ?? "").includes(":streamGenerateContent");
    if (!streaming) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(wire.answer(answer, model)));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (const { event, data } of wire.events(answer, model)) {
      const sent = new Promise((resolve) => res.write(`${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`, resolve));
      if (behaviour === "break") {
        // Drop the connection once the first event has surely reached the client.
        await sent;
        setTimeout(() => res.destroy(), 50);
        return;
      }
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return Object.assign(standIn, {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
