import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@aivo/mesh-node";
import { Budgets } from "./budgets.js";
import { Ledger } from "./ledger.js";
import { openStore, type Sql } from "./store.js";

const logger = createLogger({ service: "dispatch", level: "silent" });
const databaseUrl = process.env.TEST_DATABASE_URL;

// Holds in memory over the embedded ledger, and in the database over PostgreSQL when the test run provides one.
const backends: [string, () => Promise<Sql>, boolean][] = [["in memory over embedded PGlite", () => openStore({}), false]];
if (databaseUrl) backends.push(["in PostgreSQL", () => openStore({ databaseUrl }), true]);

const charge = (tenant: string, costNanoUsd: number) => ({ tenant, day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", inputTokens: 10, outputTokens: 5, costNanoUsd });

describe.each(backends)("Budgets %s", (_, open, shared) => {
  let sql: Sql;
  let ledger: Ledger;
  let budgets: Budgets;
  const tenant = `tenant-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  beforeAll(async () => {
    sql = await open();
    ledger = await Ledger.open(sql);
    // A long interval, so only flush(), usage() and close() write.
    budgets = new Budgets(ledger, { shared, logger, flushIntervalMs: 60_000 });
  });
  afterAll(async () => {
    await budgets.close();
    await sql.query("DELETE FROM ai_usage WHERE tenant_id LIKE $1", [`${tenant}%`]);
    await sql.query("DELETE FROM ai_budget WHERE tenant_id LIKE $1", [`${tenant}%`]);
    await sql.close();
  });

  it("never holds more than the hard limit when 50 holds race", async () => {
    const racing = `${tenant}-race`;

    const holds = await Promise.all(Array.from({ length: 50 }, () => budgets.hold(racing, "2026-11", 100, 1000)));

    expect(holds.filter(Boolean)).toHaveLength(10);
    expect(await budgets.state(racing, "2026-11")).toEqual({ spent: 0, reserved: 1000 });
  });

  it("charges settled requests at once and books them, added up, in the ledger", async () => {
    const settling = `${tenant}-settle`;
    const first = (await budgets.hold(settling, "2026-11", 9000, 0))!;
    const second = (await budgets.hold(settling, "2026-11", 9000, 0))!;

    await budgets.settle(first, charge(settling, 4500));
    const spent = await budgets.settle(second, charge(settling, 6000));

    // In PostgreSQL a charge knows what was spent when its hold was made (0 here, nothing booked yet) plus itself.
    expect(spent).toBe(shared ? 6000 : 10500);
    expect(await budgets.usage(settling, "2026-11-01", "2026-11-30")).toEqual([
      { day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", requests: 2, inputTokens: 20, outputTokens: 10, costNanoUsd: 10500 },
    ]);
    expect(await budgets.state(settling, "2026-11")).toEqual({ spent: 10500, reserved: 0 });
  });

  it("refuses a hold past the hard limit counting what was spent", async () => {
    const spending = `${tenant}-spent`;
    const hold = (await budgets.hold(spending, "2026-11", 900, 1000))!;
    await budgets.settle(hold, charge(spending, 800));

    const refused = await budgets.hold(spending, "2026-11", 201, 1000);
    const accepted = await budgets.hold(spending, "2026-11", 200, 1000);

    expect(refused).toBeUndefined();
    expect(accepted).toBeDefined();
  });

  it("gives a released hold back", async () => {
    const releasing = `${tenant}-release`;
    const hold = (await budgets.hold(releasing, "2026-11", 800, 1000))!;

    await budgets.release(hold);

    expect(await budgets.hold(releasing, "2026-11", 1000, 1000)).toBeDefined();
  });

  it("starts a month from what the ledger says was spent", async () => {
    const known = `${tenant}-known`;
    await ledger.book({ ...charge(known, 900), requests: 1, releasedNanoUsd: 0 });
    const fresh = new Budgets(ledger, { shared, logger, flushIntervalMs: 60_000 });

    const refused = await fresh.hold(known, "2026-11", 101, 1000);
    await fresh.close();

    expect(refused).toBeUndefined();
  });

  it("books every charge when it closes", async () => {
    const closing = `${tenant}-close`;
    const own = new Budgets(ledger, { shared, logger, flushIntervalMs: 60_000 });
    await own.settle((await own.hold(closing, "2026-11", 9000, 0))!, charge(closing, 4500));

    await own.close();

    expect(await ledger.usage(closing, "2026-11-01", "2026-11-30")).toEqual([expect.objectContaining({ requests: 1, costNanoUsd: 4500 })]);
  });
});

describe.skipIf(!databaseUrl)("Budgets of two dispatch instances sharing PostgreSQL (needs TEST_DATABASE_URL, which scripts/test.sh sets)", () => {
  it("never hold more than the hard limit together when 50 holds race", async () => {
    const tenant = `tenant-shared-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const stores = [await openStore({ databaseUrl }), await openStore({ databaseUrl })];
    const instances = await Promise.all(stores.map(async (sql) => new Budgets(await Ledger.open(sql), { shared: true, logger })));

    const holds = await Promise.all(Array.from({ length: 50 }, (_, i) => instances[i % 2]!.hold(tenant, "2026-11", 100, 1000)));

    expect(holds.filter(Boolean)).toHaveLength(10);
    await Promise.all(instances.map((b) => b.close()));
    await stores[0]!.query("DELETE FROM ai_budget WHERE tenant_id = $1", [tenant]);
    await Promise.all(stores.map((s) => s.close()));
  });
});
