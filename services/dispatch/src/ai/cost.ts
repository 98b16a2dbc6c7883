// Cost of a request from its token usage and the price table, and the worst case a request can
// cost before it is sent, which the budget holds.
import type { Price } from "./ai-config.js";

/** costNanoUsd is the exact cost of a request's tokens, in nano-dollars. */
export function costNanoUsd(price: Price, inputTokens: number, outputTokens: number): number {
  return inputTokens * price.inputNanoUsd + outputTokens * price.outputNanoUsd;
}

/** A chat format's own tokens around each message (role markers), generously counted. */
const TOKENS_PER_MESSAGE = 8;

/**
 * maxInputTokens bounds a prompt's tokens without a tokenizer: no token is shorter than one byte
 * of UTF-8, so the byte count plus the format's overhead is an upper bound.
 */
export function maxInputTokens(contents: readonly string[]): number {
  return contents.reduce((sum, text) => sum + Buffer.byteLength(text, "utf8") + TOKENS_PER_MESSAGE, TOKENS_PER_MESSAGE);
}

/** worstCaseNanoUsd is the most a request can cost on the dearest of `prices`. */
export function worstCaseNanoUsd(prices: readonly Price[], inputTokens: number, maxOutputTokens: number): number {
  return Math.max(...prices.map((price) => costNanoUsd(price, inputTokens, maxOutputTokens)));
}
