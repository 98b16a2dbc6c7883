import { describe, expect, it } from "vitest";
import { VerifiedTokens } from "./verified-tokens.js";

describe("VerifiedTokens", () => {
  it("remembers a token until it expires", () => {
    let nowMs = 1000;
    const tokens = new VerifiedTokens<string>(10, () => nowMs);
    tokens.remember("token", "tenant-a", 2000);

    const before = tokens.get("token");
    nowMs = 2000;
    const at = tokens.get("token");

    expect(before).toBe("tenant-a");
    expect(at).toBeUndefined();
  });

  it("forgets the oldest token when full", () => {
    const tokens = new VerifiedTokens<string>(2, () => 0);
    tokens.remember("first", "a", 10);
    tokens.remember("second", "b", 10);

    tokens.remember("third", "c", 10);

    expect([tokens.get("first"), tokens.get("second"), tokens.get("third")]).toEqual([undefined, "b", "c"]);
  });
});
