import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Ledger } from "./ledger.js";
import { openStore, type Sql } from "./store.js";

// The same tests run on the embedded database and, when the test run provides one, on PostgreSQL.
const backends: [string, () => Promise<Sql>][] = [["embedded PGlite", () => openStore({})]];
if (process.env.TEST_DATABASE_URL) backends.push(["PostgreSQL", () => openStore({ databaseUrl: process.env.TEST_DATABASE_URL })]);

// Holds expire by the clock of whoever asks; these tests pass it explicitly, in ms since the epoch.
const now = Date.UTC(2026, 10, 24, 12);
const minute = 60_000;

describe.each(backends)("Ledger on %s", (_, open) => {
  let sql: Sql;
  let ledger: Ledger;
  const tenant = `tenant-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const hold = (suffix: string, amount: number, expiresAt = now + minute) => ({ tenant: `${tenant}-${suffix}`, month: "2026-11", amount, expiresAt });
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
    const booking = { tenant: `${tenant}-a`, day: "2026-11-23", provider: "openai", model: "gpt-4o-mini", requests: 1, inputTokens: 10, outputTokens: 5, costNanoUsd: 4500 };
    await ledger.reserve(hold("a", 9000), 0, now);
    await ledger.reserve(hold("a", 18000, now + 2 * minute), 0, now);

    await ledger.book({ ...booking, released: new Map([[now + minute, 9000]]) });
    await ledger.book({ ...booking, requests: 2, inputTokens: 20, costNanoUsd: 6000, released: new Map([[now + 2 * minute, 18000]]) });

    expect(await ledger.usage(`${tenant}-a`, "2026-11-01", "2026-11-30")).toEqual([
      { day: "2026-11-23", provider: "openai", model: "gpt-4o-mini", requests: 3, inputTokens: 30, outputTokens: 10, costNanoUsd: 10500 },
    ]);
    expect(await ledger.budget(`${tenant}-a`, "2026-11", now)).toEqual({ spent: 10500, reserved: 0 });
  });

  it("books a month that holds nothing yet and answers its spending", async () => {
    const spent = await ledger.book({ tenant: `${tenant}-e`, day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", requests: 1, inputTokens: 1, outputTokens: 1, costNanoUsd: 700, released: new Map() });

    expect(spent).toBe(700);
    expect(await ledger.budget(`${tenant}-e`, "2026-11", now)).toEqual({ spent: 700, reserved: 0 });
  });

  it("refuses a hold that would pass the hard limit and keeps the counters unchanged", async () => {
    await ledger.reserve(hold("b", 700), 1000, now);

    const refused = await ledger.reserve(hold("b", 301), 1000, now);

    expect(refused).toBeUndefined();
    expect(await ledger.budget(`${tenant}-b`, "2026-11", now)).toEqual({ spent: 0, reserved: 700 });
  });

  it("never holds more than the hard limit when 50 holds race", async () => {
    const holds = await Promise.all(Array.from({ length: 50 }, (_, i) => ledger.reserve(hold("c", 100, now + (i % 5) * 1000), 1000, now - 1)));

    expect(holds.filter(Boolean)).toHaveLength(10);
    expect(await ledger.budget(`${tenant}-c`, "2026-11", now - 1)).toEqual({ spent: 0, reserved: 1000 });
  });

  it("gives a released hold back", async () => {
    await ledger.reserve(hold("d", 800), 1000, now);

    await ledger.release(hold("d", 800));

    expect(await ledger.reserve(hold("d", 1000), 1000, now)).toEqual({ spent: 0, reserved: 1000 });
  });

  it("counts a hold until it expires, then drops it at the next hold", async () => {
    const crashed = hold("f", 800, now + minute);
    await ledger.reserve(crashed, 1000, now);

    const beforeExpiry = await ledger.reserve(hold("f", 300, now + 3 * minute), 1000, now + minute - 1);
    const afterExpiry = await ledger.reserve(hold("f", 300, now + 3 * minute), 1000, now + minute);

    expect(beforeExpiry).toBeUndefined();
    expect(afterExpiry).toEqual({ spent: 0, reserved: 300 });
    expect(await sql.query("SELECT holds FROM ai_budget WHERE tenant_id = $1", [`${tenant}-f`])).toEqual([{ holds: { [now + 3 * minute]: 300 } }]);
  });

  it("never holds more than the hard limit when 50 holds race beside an expired one", async () => {
    await ledger.reserve(hold("g", 800, now + minute), 1000, now);

    const holds = await Promise.all(Array.from({ length: 50 }, () => ledger.reserve(hold("g", 100, now + 3 * minute), 1000, now + 2 * minute)));

    expect(holds.filter(Boolean)).toHaveLength(10);
    expect(await ledger.budget(`${tenant}-g`, "2026-11", now + 2 * minute)).toEqual({ spent: 0, reserved: 1000 });
  });

  it("books a charge whose hold had expired and was dropped, leaving the other holds as they were", async () => {
    const late = hold("h", 800, now + minute);
    await ledger.reserve(late, 1000, now);
    await ledger.reserve(hold("h", 600, now + 3 * minute), 1000, now + 2 * minute);

    await ledger.release(late);
    await ledger.book({ tenant: `${tenant}-h`, day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", requests: 1, inputTokens: 1, outputTokens: 1, costNanoUsd: 100, released: new Map([[late.expiresAt, 800]]) });

    expect(await ledger.budget(`${tenant}-h`, "2026-11", now + 2 * minute)).toEqual({ spent: 100, reserved: 600 });
  });
});
