import { describe, expect, it } from "vitest";
import { encodeWav, mixToMono } from "./wav.ts";

describe("encodeWav", () => {
  it("writes a RIFF header that says mono 16-bit PCM at the given rate", () => {
    const wav = encodeWav(new Float32Array(10), 16_000);
    const view = new DataView(wav.buffer);

    expect(new TextDecoder().decode(wav.slice(0, 4))).toBe("RIFF");
    expect(new TextDecoder().decode(wav.slice(8, 16))).toBe("WAVEfmt ");
    expect([view.getUint16(20, true), view.getUint16(22, true), view.getUint32(24, true), view.getUint16(34, true)]).toEqual([1, 1, 16_000, 16]);
    expect(view.getUint32(40, true)).toBe(20);
    expect(wav.length).toBe(64);
  });

  it("scales samples to 16-bit integers and clips what lies outside [-1, 1]", () => {
    const wav = encodeWav(Float32Array.of(1, -1, 0.5, 2), 8_000);
    const view = new DataView(wav.buffer);

    expect([0, 1, 2, 3].map((i) => view.getInt16(44 + i * 2, true))).toEqual([32767, -32768, 16384, 32767]);
  });
});

describe("mixToMono", () => {
  it("averages the channels sample by sample", () => {
    expect([...mixToMono([Float32Array.of(1, 0), Float32Array.of(0, -1)])]).toEqual([0.5, -0.5]);
  });
});
