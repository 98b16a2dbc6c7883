import { describe, expect, it } from "vitest";
import { formatGrpcTimeout, parseGrpcTimeout } from "./grpc-timeout.js";

describe("grpc-timeout", () => {
  it.each([
    ["1H", 3_600_000],
    ["2M", 120_000],
    ["30S", 30_000],
    ["250m", 250],
    ["1500u", 1.5],
    ["2000000n", 2],
  ])("reads %s as %d ms", (header, ms) => {
    expect(parseGrpcTimeout(header)).toBe(ms);
  });

  it.each([undefined, "", "10", "123456789m", "-5m", "1.5S", "10x"])("ignores %j", (header) => {
    expect(parseGrpcTimeout(header)).toBeUndefined();
  });

  it.each([
    [2999.2, "3000m"],
    [0.2, "1m"],
    [-5, "1m"],
    [200_000_000, "200000S"],
  ])("writes %d ms as %s", (ms, header) => {
    expect(formatGrpcTimeout(ms)).toBe(header);
  });
});
