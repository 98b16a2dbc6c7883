import type { JsonObject } from "@bufbuild/protobuf";

const events: JsonObject[] = [
  ...Array.from({ length: 20 }, (_, i) => ({
    offsetMs: 10_000 + i * 13_000,
    answer: { correct: i % 5 !== 4, responseTimeMs: 3_500 + (i % 3) * 400 },
  })),
  { offsetMs: 140_000, focusLost: { cause: "FOCUS_LOSS_CAUSE_TAB_HIDDEN", durationMs: 6_000 } },
  { offsetMs: 200_000, idle: { durationMs: 12_000 } },
];

/** A realistic practice session of an 8-year-old: steady answers, one tab switch, one idle gap. */
export const steadySessionJson = { sessionId: "session-e2e-1", childAgeMonths: 96, elapsedMs: 300_000, events };

/** The same request as a REST body (proto3 JSON of AnalyzeFocusRequest). */
export const analyzeFocusBody = { session: steadySessionJson };
