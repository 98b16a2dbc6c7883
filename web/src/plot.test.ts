import { describe, expect, it } from "vitest";
import { contourLines, frameOf, peaks, secondTicks, seriesLine, timeToX } from "./plot.ts";

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

describe("seriesLine", () => {
  it("spreads the samples over the shared frame's time and puts the highest value at the top", () => {
    const math = [
      { atMs: 1_000, value: 0 },
      { atMs: 2_000, value: 1 },
    ];
    const reading = [{ atMs: 3_000, value: -1 }];
    const frame = frameOf([...math, ...reading]);

    expect(seriesLine(math, frame, 100, 40)).toEqual([
      { x: 0, y: 20 },
      { x: 50, y: 0 },
    ]);
    expect(seriesLine(reading, frame, 100, 40)).toEqual([{ x: 100, y: 40 }]);
  });

  it("draws a flat series at mid-height", () => {
    const flat = [
      { atMs: 0, value: 0.5 },
      { atMs: 10, value: 0.5 },
    ];

    expect(seriesLine(flat, frameOf(flat), 10, 40).map((p) => p.y)).toEqual([20, 20]);
  });
});
