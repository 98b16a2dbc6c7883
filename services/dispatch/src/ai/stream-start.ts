// A stream is only committed to once its first text arrives: until then a failure (an HTTP error,
// an error event, a timeout) belongs to the attempt and can still fail over to the next deployment.
import type { LanguageModelV2, LanguageModelV2CallOptions, LanguageModelV2StreamPart } from "@ai-sdk/provider";

export interface Opened {
  /** head holds the parts up to the first text (or the end); rest the stream after it. */
  head: LanguageModelV2StreamPart[];
  rest: ReadableStreamDefaultReader<LanguageModelV2StreamPart>;
}

/** openStream starts a stream and reads it up to its first text, so a failure before it can still fail over. */
export async function openStream(model: LanguageModelV2, options: LanguageModelV2CallOptions): Promise<Opened> {
  const { stream } = await model.doStream(options);
  const rest = stream.getReader();
  const head: LanguageModelV2StreamPart[] = [];
  for (;;) {
    const { done, value } = await rest.read();
    if (done) return { head, rest };
    if (value.type === "error") {
      await rest.cancel();
      throw value.error;
    }
    head.push(value);
    if (value.type === "text-delta" || value.type === "finish") return { head, rest };
  }
}

/** partsOf is the whole stream again: the parts already read, then the rest; leaving early cancels it. */
export async function* partsOf({ head, rest }: Opened): AsyncGenerator<LanguageModelV2StreamPart> {
  yield* head;
  try {
    for (let next = await rest.read(); !next.done; next = await rest.read()) yield next.value;
  } finally {
    await rest.cancel();
  }
}

