// What a stream that broke after its first token is charged: the provider has done the work of the
// prompt and of every token it sent, so charging nothing is always wrong. Providers report usage at
// the end of a stream, and some earlier (Anthropic's message_start carries the input tokens and a
// running output count, Gemini's chunks carry usageMetadata): usage seen in the raw chunks so far
// counts first. What no chunk reported is an estimate, about four characters per token (the providers'
// own rule of thumb for English), rounded up; an estimate can be off either way, so the output is
// never charged below what the streamed text suggests.

/** Token counts a provider reported so far; undefined where it reported none. */
export interface ReportedUsage {
  inputTokens?: number;
  outputTokens?: number;
}

const CHARACTERS_PER_TOKEN = 4;

/** estimateTokens is the estimated token count of `characters` characters of text. */
export const estimateTokens = (characters: number): number => Math.ceil(characters / CHARACTERS_PER_TOKEN);

type Json = Record<string, unknown> | undefined;
const count = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? value : undefined);

/** reportedUsage reads the usage one raw stream chunk carries, in any of the four providers' shapes. */
export function reportedUsage(chunk: unknown): ReportedUsage {
  const raw = chunk as Json;
  // Anthropic: message_start.message.usage, message_delta.usage; OpenAI and Mistral: usage; Google: usageMetadata.
  const usage = ((raw?.message as Json)?.usage ?? raw?.usage) as Json;
  const google = raw?.usageMetadata as Json;
  return {
    inputTokens: count(usage?.input_tokens) ?? count(usage?.prompt_tokens) ?? count(google?.promptTokenCount),
    outputTokens: count(usage?.output_tokens) ?? count(usage?.completion_tokens) ?? count(google?.candidatesTokenCount),
  };
}

/** PartialUsage follows a stream: the usage its chunks reported and the characters of text it sent. */
export class PartialUsage {
  private reported: ReportedUsage = {};
  private characters = 0;

  /** raw takes one raw provider chunk; later reports replace earlier ones (they are running totals). */
  raw(chunk: unknown): void {
    const { inputTokens, outputTokens } = reportedUsage(chunk);
    this.reported = { inputTokens: inputTokens ?? this.reported.inputTokens, outputTokens: outputTokens ?? this.reported.outputTokens };
  }

  text(delta: string): void {
    this.characters += delta.length;
  }

  /** charge is what to charge now: reported input or the prompt's estimate, and the larger of reported and estimated output. */
  charge(promptCharacters: number): [inputTokens: number, outputTokens: number] {
    return [this.reported.inputTokens ?? estimateTokens(promptCharacters), Math.max(this.reported.outputTokens ?? 0, estimateTokens(this.characters))];
  }
}
