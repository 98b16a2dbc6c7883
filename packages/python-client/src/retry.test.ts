import { describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
import { BrainService } from "@aivo/gen/aivo/brain/v1/brain_service_pb.js";
import { DispatchService } from "@aivo/gen/aivo/dispatch/v1/dispatch_service_pb.js";
import { backoffDelayMs, defaultRetryOptions, isRetryable, retryOptions } from "./retry.js";

describe("retryOptions", () => {
  it("takes the parts it is given and the defaults for the rest, unset ones included", () => {
    expect(retryOptions({ maxRetries: 1, retryDelayMs: undefined })).toEqual({ ...defaultRetryOptions, maxRetries: 1 });
  });

  it.each([
    ["maxRetries", { maxRetries: -1 }],
    ["retryDelayMs", { retryDelayMs: Number.NaN }],
    ["backoffMultiplier", { backoffMultiplier: "2" as unknown as number }],
  ])("refuses a bad %s", (key, options) => {
    expect(() => retryOptions(options)).toThrow(`retry.${key} must be a number >= 0`);
  });
});

describe("backoffDelayMs", () => {
  it("multiplies the first delay by the backoff multiplier for each retry", () => {
    const options = { maxRetries: 4, retryDelayMs: 100, backoffMultiplier: 3 };

    const delays = [0, 1, 2, 3].map((retry) => backoffDelayMs(options, retry));

    expect(delays).toEqual([100, 300, 900, 2700]);
  });
});

describe("isRetryable", () => {
  const { analyzeFocus, submitModelUpdate, predictDifficulty } = BrainService.method;
  const { generate, generateStream, getUsage } = DispatchService.method;

  it.each([
    ["UNAVAILABLE on an RPC with side effects", Code.Unavailable, predictDifficulty, true],
    ["UNAVAILABLE on Generate, which dispatch fails over itself", Code.Unavailable, generate, false],
    ["UNAVAILABLE on GenerateStream, which dispatch fails over itself", Code.Unavailable, generateStream, false],
    ["DEADLINE_EXCEEDED on Generate", Code.DeadlineExceeded, generate, false],
    ["UNAVAILABLE on GetUsage", Code.Unavailable, getUsage, true],
    ["DEADLINE_EXCEEDED on a NO_SIDE_EFFECTS RPC", Code.DeadlineExceeded, analyzeFocus, true],
    ["DEADLINE_EXCEEDED on an IDEMPOTENT RPC", Code.DeadlineExceeded, submitModelUpdate, true],
    ["DEADLINE_EXCEEDED on an RPC of unknown idempotency", Code.DeadlineExceeded, predictDifficulty, false],
    ["RESOURCE_EXHAUSTED", Code.ResourceExhausted, analyzeFocus, false],
    ["INVALID_ARGUMENT", Code.InvalidArgument, analyzeFocus, false],
    ["INTERNAL", Code.Internal, analyzeFocus, false],
    ["UNAUTHENTICATED", Code.Unauthenticated, analyzeFocus, false],
  ])("answers %s with %s", (_, code, method, expected) => {
    expect(isRetryable(code, method)).toBe(expected);
  });
});
