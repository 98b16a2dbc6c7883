import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ledger } from "./ledger.js";
import { openStore, type Sql } from "./store.js";

// The same tests run on the embedded database and, when the test run provides one, on PostgreSQL.
const backends: [string, () => Promise<Sql>][] = [["embedded PGlite", () => openStore({})]];
if (process.env.TEST_DATABASE_URL) backends.push(["PostgreSQL", () => openStore({ databaseUrl: process.env.TEST_DATABASE_URL })]);

describe.each(backends)("Ledger on %s", (_, open) => {
  let sql: Sql;
  let ledger: Ledger;
  const tenant = `tenant-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  beforeAll(async () => {
    sql = await open();
    ledger = await Ledger.open(sql);
  });
  afterAll(async () => {
    await sql.query("DELETE FROM ai_usage WHERE tenant_id LIKE $1", [`${tenant}%`]);
    await sql.query("DELETE FROM ai_budget WHERE tenant_id LIKE $1", [`${tenant}%`]);
    await sql.close();
  });

  it("adds bookings of one tenant, provider, model and day into one row and turns their holds into spending", async () => {
    const booking = { tenant, day: "2026-11-23", provider: "openai", model: "gpt-4o-mini", requests: 1, inputTokens: 10, outputTokens: 5, costNanoUsd: 4500, releasedNanoUsd: 9000 };
    await ledger.reserve(tenant, "2026-11", 9000, 0);
    await ledger.reserve(tenant, "2026-11", 18000, 0);

    await ledger.book(booking);
    await ledger.book({ ...booking, requests: 2, inputTokens: 20, costNanoUsd: 6000, releasedNanoUsd: 18000 });

    expect(await ledger.usage(tenant, "2026-11-01", "2026-11-30")).toEqual([
      { day: "2026-11-23", provider: "openai", model: "gpt-4o-mini", requests: 3, inputTokens: 30, outputTokens: 10, costNanoUsd: 10500 },
    ]);
    expect(await ledger.budget(tenant, "2026-11")).toEqual({ spent: 10500, reserved: 0 });
  });

  it("books a month that holds nothing yet", async () => {
    const fresh = `${tenant}-e`;

    await ledger.book({ tenant: fresh, day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", requests: 1, inputTokens: 1, outputTokens: 1, costNanoUsd: 700, releasedNanoUsd: 0 });

    expect(await ledger.budget(fresh, "2026-11")).toEqual({ spent: 700, reserved: 0 });
  });

  it("refuses a hold that would pass the hard limit and keeps the counters unchanged", async () => {
    const other = `${tenant}-b`;
    await ledger.reserve(other, "2026-11", 700, 1000);

    const refused = await ledger.reserve(other, "2026-11", 301, 1000);

    expect(refused).toBeUndefined();
    expect(await ledger.budget(other, "2026-11")).toEqual({ spent: 0, reserved: 700 });
  });

  it("never holds more than the hard limit when 50 holds race", async () => {
    const racing = `${tenant}-c`;

    const holds = await Promise.all(Array.from({ length: 50 }, () => ledger.reserve(racing, "2026-11", 100, 1000)));

    expect(holds.filter(Boolean)).toHaveLength(10);
    expect(await ledger.budget(racing, "2026-11")).toEqual({ spent: 0, reserved: 1000 });
  });

  it("gives a released hold back", async () => {
    const releasing = `${tenant}-d`;
    await ledger.reserve(releasing, "2026-11", 800, 1000);

    await ledger.release(releasing, "2026-11", 800);

    expect(await ledger.reserve(releasing, "2026-11", 1000, 1000)).toEqual({ spent: 0, reserved: 1000 });
  });
});
