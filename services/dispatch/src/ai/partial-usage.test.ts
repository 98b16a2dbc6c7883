import { describe, expect, it } from "vitest";
import { estimateTokens, PartialUsage, reportedUsage } from "./partial-usage.js";

describe("reportedUsage", () => {
  it.each([
    ["Anthropic's message_start", { type: "message_start", message: { usage: { input_tokens: 12, output_tokens: 1 } } }, { inputTokens: 12, outputTokens: 1 }],
    ["Anthropic's message_delta", { type: "message_delta", usage: { output_tokens: 30 } }, { inputTokens: undefined, outputTokens: 30 }],
    ["an OpenAI or Mistral chunk with usage", { choices: [], usage: { prompt_tokens: 9, completion_tokens: 4 } }, { inputTokens: 9, outputTokens: 4 }],
    ["a Gemini chunk with usageMetadata", { candidates: [], usageMetadata: { promptTokenCount: 7, candidatesTokenCount: 3 } }, { inputTokens: 7, outputTokens: 3 }],
    ["a chunk without usage", { choices: [{ delta: { content: "Hi" } }] }, { inputTokens: undefined, outputTokens: undefined }],
  ])("reads %s", (_, chunk, expected) => {
    expect(reportedUsage(chunk)).toEqual(expected);
  });
});

describe("PartialUsage", () => {
  it("estimates about four characters per token, rounded up, when no chunk reported usage", () => {
    const usage = new PartialUsage();
    usage.text("Hello");
    usage.text(" there");

    expect(usage.charge(9)).toEqual([estimateTokens(9), 3]);
    expect(estimateTokens(9)).toBe(3);
  });

  it("takes the reported input and never charges less output than the streamed text suggests", () => {
    const usage = new PartialUsage();
    usage.raw({ type: "message_start", message: { usage: { input_tokens: 12, output_tokens: 1 } } });
    usage.text("a few words of streamed text");

    expect(usage.charge(1000)).toEqual([12, 7]);
  });

  it("takes a reported running output count above the estimate", () => {
    const usage = new PartialUsage();
    usage.text("Hi");
    usage.raw({ type: "message_delta", usage: { output_tokens: 40 } });

    expect(usage.charge(4)).toEqual([1, 40]);
  });
});
