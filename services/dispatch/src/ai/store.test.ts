import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "./store.js";

describe("the embedded store", () => {
  const root = mkdtempSync(join(tmpdir(), "aivo-store-"));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("opens under a data folder that does not exist yet, and keeps what it wrote", async () => {
    const dataDir = join(root, "not", "made", "yet", "dispatch-ledger");

    const first = await openStore({ dataDir });
    await first.query("create table kept (n int)");
    await first.query("insert into kept values (7)");
    await first.close();
    const second = await openStore({ dataDir });
    const rows = await second.query<{ n: number }>("select n from kept");
    await second.close();

    expect(rows).toEqual([{ n: 7 }]);
  });
});
