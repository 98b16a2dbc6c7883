import { create } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import {
  ChatRole,
  GenerateRequestSchema,
  type GenerateRequest,
  type GenerateStreamResponse,
  type Generation,
  type GetUsageResponse,
} from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { BrainServiceError, toBrainServiceError } from "./errors.js";

const roles = { system: ChatRole.SYSTEM, user: ChatRole.USER, assistant: ChatRole.ASSISTANT } as const;

/** One message of a chat. */
export type ChatMessage = { role: keyof typeof roles; content: string };

/** What to generate: a model alias of dispatch's configuration (e.g. "chat"), the chat, and its parameters. */
export type GenerateOptions = {
  model: string;
  messages: ChatMessage[];
  /** maxTokens bounds the answer, in tokens; default dispatch's configuration. */
  maxTokens?: number;
  /** temperature is 0-2. */
  temperature?: number;
  /** topP is 0-1. */
  topP?: number;
};

/** What one answer took: who answered, its tokens and its cost. */
export type GenerationInfo = {
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  /** costNanoUsd is the cost in billionths of a US dollar. */
  costNanoUsd: number;
  priceVersion: string;
  finishReason: string;
  /** attempts counts provider calls, retries and failovers included. */
  attempts: number;
  /** warnings, such as a tenant past its soft budget. */
  warnings: string[];
};

export type GenerateResult = GenerationInfo & { text: string };

/** A tenant's usage per day, provider and model, and its budget for the month; money in nano-dollars. */
export type UsageReport = {
  rows: { day: string; provider: string; model: string; requests: number; inputTokens: number; outputTokens: number; costNanoUsd: number }[];
  totalCostNanoUsd: number;
  budget: { month: string; spentNanoUsd: number; reservedNanoUsd: number; softLimitNanoUsd: number; hardLimitNanoUsd: number };
};

/** toGenerateRequest turns the roles into the contract's ChatRole, refusing an unknown one. */
export function toGenerateRequest({ model, messages, maxTokens, temperature, topP }: GenerateOptions): GenerateRequest {
  return create(GenerateRequestSchema, {
    model,
    messages: messages.map(({ role, content }, i) => {
      if (!Object.hasOwn(roles, role)) throw new BrainServiceError(`messages[${i}].role: must be one of ${Object.keys(roles).join(", ")}`, Code.InvalidArgument);
      return { role: roles[role], content };
    }),
    maxTokens,
    temperature,
    topP,
  });
}

export function fromGeneration(generation: Generation | undefined): GenerationInfo {
  const { provider = "", model = "", inputTokens = 0n, outputTokens = 0n, costNanoUsd = 0n, priceVersion = "", finishReason = "", attempts = 0, warnings = [] } = generation ?? {};
  return { provider, model, inputTokens: Number(inputTokens), outputTokens: Number(outputTokens), costNanoUsd: Number(costNanoUsd), priceVersion, finishReason, attempts, warnings };
}

export function fromGetUsageResponse({ rows, totalCostNanoUsd, budget }: GetUsageResponse): UsageReport {
  return {
    rows: rows.map((r) => ({ day: r.day, provider: r.provider, model: r.model, requests: Number(r.requests), inputTokens: Number(r.inputTokens), outputTokens: Number(r.outputTokens), costNanoUsd: Number(r.costNanoUsd) })),
    totalCostNanoUsd: Number(totalCostNanoUsd),
    budget: {
      month: budget?.month ?? "",
      spentNanoUsd: Number(budget?.spentNanoUsd ?? 0n),
      reservedNanoUsd: Number(budget?.reservedNanoUsd ?? 0n),
      softLimitNanoUsd: Number(budget?.softLimitNanoUsd ?? 0n),
      hardLimitNanoUsd: Number(budget?.hardLimitNanoUsd ?? 0n),
    },
  };
}

/**
 * A streamed answer: iterate it for the tokens as they come; once it ends, `generation` says who
 * answered and what it cost. A failure ends the iteration with a BrainServiceError.
 */
export class GenerationStream implements AsyncIterable<string> {
  /** generation is set when the stream ended with its usage and cost. */
  generation: GenerationInfo | undefined;

  constructor(private readonly events: () => AsyncIterable<GenerateStreamResponse>) {}

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    try {
      for await (const { event } of this.events()) {
        if (event.case === "delta") yield event.value;
        else if (event.case === "done") this.generation = fromGeneration(event.value);
      }
    } catch (reason) {
      throw toBrainServiceError(reason);
    }
  }
}
