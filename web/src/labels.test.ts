import { describe, expect, it } from "vitest";
import { DisfluencyKind } from "@aivo/gen/aivo/brain/v1/speech_pb.js";
import { enumLabel, fixed, times } from "./labels.ts";

describe("enumLabel", () => {
  it("writes a generated enum value as lower-case words", () => {
    expect(enumLabel(DisfluencyKind, DisfluencyKind.WHOLE_WORD_REPETITION)).toBe("whole word repetition");
  });

  it("says unknown for a value the page does not know yet", () => {
    expect(enumLabel(DisfluencyKind, 99)).toBe("unknown");
  });
});

describe("fixed", () => {
  it("rounds and drops a trailing zero", () => {
    expect([fixed(66.666), fixed(3), fixed(2.25, 2)]).toEqual(["66.7", "3", "2.25"]);
  });
});

describe("times", () => {
  it("says how often in words for the small counts", () => {
    expect([0, 1, 2, 5].map(times)).toEqual(["never", "once", "twice", "5 times"]);
  });
});
