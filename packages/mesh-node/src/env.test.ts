import { describe, expect, it } from "vitest";
import { ConfigError, envReader } from "./env.js";

describe("envReader", () => {
  it("uses the default when a variable is unset or empty", () => {
    const env = envReader({ EMPTY: "  " });

    expect(env.int("MISSING", 30000)).toBe(30000);
    expect(env.url("EMPTY", "http://localhost:5000")).toBe("http://localhost:5000");
  });

  it.each([
    ["a word for a number", () => envReader({ T: "soon" }).int("T", 1, { min: 1, unit: "milliseconds" }), 'T: must be a whole number of milliseconds, at least 1, got "soon"'],
    ["a number out of range", () => envReader({ P: "70000" }).int("P", 1, { max: 65535 }), 'P: must be a whole number, from 0 to 65535, got "70000"'],
    ["a URL without a scheme", () => envReader({ U: "localhost:5000" }).url("U"), 'U: must be an http:// or https:// URL, got "localhost:5000"'],
    ["a missing required variable", () => envReader({}).string("S"), "S: required but not set"],
    ["a short secret", () => envReader({ K: "short" }).secret("K", 32), "K: must be at least 32 characters, got 5"],
    ["a value not among the choices", () => envReader({ L: "loud" }).oneOf("L", ["info", "warn"], "info"), 'L: must be one of info, warn, got "loud"'],
  ])("refuses %s with one line naming the variable", (_case, read, message) => {
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  it("never echoes a secret in its error", () => {
    expect(() => envReader({ K: "hunter2" }).secret("K", 32)).not.toThrow(/hunter2/);
  });

  it("reads lists and drops a trailing slash of URLs", () => {
    const env = envReader({ A: " RS256, ES256 ,", U: "http://brain:5000/" });

    expect(env.list("A", ["HS256"])).toEqual(["RS256", "ES256"]);
    expect(env.url("U")).toBe("http://brain:5000");
  });
});
