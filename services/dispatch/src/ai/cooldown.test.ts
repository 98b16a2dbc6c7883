import { describe, expect, it } from "vitest";
import { Cooldowns } from "./cooldown.js";

function clockedCooldowns() {
  const clock = { now: 1_000 };
  return { clock, cooldowns: new Cooldowns({ failures: 2, ms: 500 }, () => clock.now) };
}

describe("Cooldowns", () => {
  it("cools a deployment down after the configured failures in a row", () => {
    const { cooldowns } = clockedCooldowns();
    cooldowns.failed("openai/gpt");
    const afterOne = cooldowns.isCooling("openai/gpt");

    cooldowns.failed("openai/gpt");

    expect(afterOne).toBe(false);
    expect(cooldowns.isCooling("openai/gpt")).toBe(true);
    expect(cooldowns.isCooling("anthropic/claude")).toBe(false);
  });

  it("takes a deployment back when its cooldown ends, and cools it again at its next failure", () => {
    const { clock, cooldowns } = clockedCooldowns();
    cooldowns.failed("openai/gpt");
    cooldowns.failed("openai/gpt");

    clock.now += 500;
    const back = !cooldowns.isCooling("openai/gpt");
    cooldowns.failed("openai/gpt");

    expect(back).toBe(true);
    expect(cooldowns.isCooling("openai/gpt")).toBe(true);
  });

  it("forgets failures after a success", () => {
    const { cooldowns } = clockedCooldowns();
    cooldowns.failed("openai/gpt");

    cooldowns.succeeded("openai/gpt");
    cooldowns.failed("openai/gpt");

    expect(cooldowns.isCooling("openai/gpt")).toBe(false);
  });
});
