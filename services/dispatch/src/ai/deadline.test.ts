import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { deadline } from "./deadline.js";

describe("deadline", () => {
  it("aborts with the reason it was given once its time has passed", async () => {
    const within = deadline(new AbortController().signal, 10, () => "too late");

    await sleep(30);

    expect(within.signal.reason).toBe("too late");
  });

  it("aborts with its parent's reason, also after its clock was cleared", () => {
    const parent = new AbortController();
    const within = deadline(parent.signal, 10_000, () => "too late");

    within.clear();
    parent.abort("caller left");

    expect(within.signal.reason).toBe("caller left");
  });

  it("starts aborted when its parent already is", () => {
    const within = deadline(AbortSignal.abort("gone"), 10_000, () => "too late");
    within.clear();

    expect(within.signal.reason).toBe("gone");
  });

  it("does not abort once cleared", async () => {
    const within = deadline(new AbortController().signal, 10, () => "too late");

    within.clear();
    await sleep(30);

    expect(within.signal.aborted).toBe(false);
  });
});
