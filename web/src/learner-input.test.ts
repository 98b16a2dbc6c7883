import { describe, expect, it } from "vitest";
import { EXAMPLE_CATALOG, EXAMPLE_SESSION } from "./examples.ts";
import { InputError, readCatalog, readSession } from "./learner-input.ts";

describe("readSession", () => {
  it("reads the example session with its events in order", () => {
    const session = readSession(JSON.stringify(EXAMPLE_SESSION));

    expect(session.childAgeMonths).toBe(96);
    expect(session.events.map((e) => e.kind.case)).toEqual(["answer", "answer", "answer", "idle", "answer", "focusLost", "answer", "answer", "answer"]);
  });

  it("names the session field when the text is not JSON", () => {
    expect(() => readSession("{")).toThrow(InputError);
    expect(() => readSession("{")).toThrow(/^session: not valid JSON/);
  });

  it("names the session field when a field is unknown", () => {
    expect(() => readSession('{"childAge": 3}')).toThrow(/^session: .*childAge/);
  });
});

describe("readCatalog", () => {
  it("reads every item of the example catalogue", () => {
    expect(readCatalog(JSON.stringify(EXAMPLE_CATALOG)).map((item) => item.skill)).toEqual(["math", "math", "reading", "reading"]);
  });

  it("names the item that cannot be read", () => {
    expect(() => readCatalog('[{"contentId": "a"}, {"level": "high"}]')).toThrow(/^catalog\[1\]: /);
  });

  it("refuses a catalogue that is not an array", () => {
    expect(() => readCatalog("{}")).toThrow("catalog: must be a JSON array of content items");
  });
});
