import { describe, expect, it } from "vitest";
import { contourLines, peaks, secondTicks, timeToX } from "./plot.ts";

describe("peaks", () => {
  it("keeps the lowest and highest sample of each column", () => {
    const samples = Float32Array.of(0.1, -0.5, 0.3, 0.9, -0.2, 0);

    expect(peaks(samples, 2).map(({ min, max }) => [min, max].map((v) => Math.round(v * 10) / 10))).toEqual([
      [-0.5, 0.3],
      [-0.2, 0.9],
    ]);
  });
});

describe("timeToX", () => {
  it("places a time proportionally and clamps times past the end", () => {
    expect([timeToX(500, 2_000, 800), timeToX(5_000, 2_000, 800)]).toEqual([200, 800]);
  });
});

describe("secondTicks", () => {
  it("ticks every half second for a short clip and every second for a long one", () => {
    expect(secondTicks(1_200)).toEqual([0, 500, 1_000]);
    expect(secondTicks(3_500)).toEqual([0, 1_000, 2_000, 3_000]);
  });
});

describe("contourLines", () => {
  it("breaks the line where the voice stops and puts the highest pitch at the top", () => {
    const lines = contourLines([100, 200, 0, 100], 10, 100, 200, 40, 40, 100);

    expect(lines).toEqual([
      [
        { x: 0, y: 100 },
        { x: 10, y: 0 },
      ],
      [{ x: 30, y: 100 }],
    ]);
  });
});
