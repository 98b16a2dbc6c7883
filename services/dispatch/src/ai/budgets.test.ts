import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@aivo/mesh-node";
import { Budgets, HOLD_GRACE_MS } from "./budgets.js";
import { Ledger } from "./ledger.js";
import { openStore, type Sql } from "./store.js";

const logger = createLogger({ service: "dispatch", level: "silent" });
const databaseUrl = process.env.TEST_DATABASE_URL;

// Holds in memory over the embedded ledger, and in the database over PostgreSQL when the test run provides one.
const backends: [string, () => Promise<Sql>, boolean][] = [["in memory over embedded PGlite", () => openStore({}), false]];
if (databaseUrl) backends.push(["in PostgreSQL", () => openStore({ databaseUrl }), true]);

const charge = (tenant: string, costNanoUsd: number) => ({ tenant, day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", inputTokens: 10, outputTokens: 5, costNanoUsd });

// A long interval, so only flush(), state(), usage() and close() write.
const quiet = { logger, flushIntervalMs: 60_000 };
const deadlineMs = 30_000;
/** A clock that reads `ms` after the tests started, for instances that live at different moments. */
const started = Date.now();
const at = (ms: number) => () => started + ms;

describe.each(backends)("Budgets %s", (_, open, shared) => {
  let sql: Sql;
  let ledger: Ledger;
  let budgets: Budgets;
  const tenant = `tenant-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  beforeAll(async () => {
    sql = await open();
    ledger = await Ledger.open(sql);
    budgets = new Budgets(ledger, { shared, ...quiet });
  });
  afterAll(async () => {
    await budgets.close();
    await sql.query("DELETE FROM ai_usage WHERE tenant_id LIKE $1", [`${tenant}%`]);
    await sql.query("DELETE FROM ai_budget WHERE tenant_id LIKE $1", [`${tenant}%`]);
    await sql.close();
  });

  it("never holds more than the hard limit when 50 holds race", async () => {
    const racing = `${tenant}-race`;

    const holds = await Promise.all(Array.from({ length: 50 }, () => budgets.hold(racing, "2026-11", 100, 1000, deadlineMs)));

    expect(holds.filter(Boolean)).toHaveLength(10);
    expect(await budgets.state(racing, "2026-11")).toEqual({ spent: 0, reserved: 1000 });
  });

  it("answers the month's spending with every charge settled here, booked or not, and books them added up", async () => {
    const settling = `${tenant}-settle`;
    const first = (await budgets.hold(settling, "2026-11", 9000, 0, deadlineMs))!;
    const second = (await budgets.hold(settling, "2026-11", 9000, 0, deadlineMs))!;

    await budgets.settle(first, charge(settling, 4500));
    const spent = await budgets.settle(second, charge(settling, 6000));

    expect(spent).toBe(10500);
    expect(await budgets.usage(settling, "2026-11-01", "2026-11-30")).toEqual([
      { day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", requests: 2, inputTokens: 20, outputTokens: 10, costNanoUsd: 10500 },
    ]);
    expect(await budgets.state(settling, "2026-11")).toEqual({ spent: 10500, reserved: 0 });
  });

  it("refuses a hold past the hard limit counting what was spent", async () => {
    const spending = `${tenant}-spent`;
    const hold = (await budgets.hold(spending, "2026-11", 900, 1000, deadlineMs))!;
    await budgets.settle(hold, charge(spending, 800));

    const refused = await budgets.hold(spending, "2026-11", 201, 1000, deadlineMs);
    const accepted = await budgets.hold(spending, "2026-11", 200, 1000, deadlineMs);

    expect(refused).toBeUndefined();
    expect(accepted).toBeDefined();
  });

  it("gives a released hold back", async () => {
    const releasing = `${tenant}-release`;
    const hold = (await budgets.hold(releasing, "2026-11", 800, 1000, deadlineMs))!;

    await budgets.release(hold);

    expect(await budgets.hold(releasing, "2026-11", 1000, 1000, deadlineMs)).toBeDefined();
  });

  it("starts a month from what the ledger says was spent", async () => {
    const known = `${tenant}-known`;
    await ledger.book({ ...charge(known, 900), requests: 1, released: new Map() });
    const fresh = new Budgets(ledger, { shared, ...quiet });

    const refused = await fresh.hold(known, "2026-11", 101, 1000, deadlineMs);
    await fresh.close();

    expect(refused).toBeUndefined();
  });

  it("books every charge when it closes", async () => {
    const closing = `${tenant}-close`;
    const own = new Budgets(ledger, { shared, ...quiet });
    await own.settle((await own.hold(closing, "2026-11", 9000, 0, deadlineMs))!, charge(closing, 4500));

    await own.close();

    expect(await ledger.usage(closing, "2026-11-01", "2026-11-30")).toEqual([expect.objectContaining({ requests: 1, costNanoUsd: 4500 })]);
  });

  it("stops counting the holds of an instance that crashed once their request's deadline and the grace have passed", async () => {
    const orphaned = `${tenant}-crash`;
    const crashed = new Budgets(ledger, { shared, ...quiet, now: at(0) });
    await crashed.hold(orphaned, "2026-11", 800, 1000, deadlineMs);
    const restarted = new Budgets(ledger, { shared, ...quiet, now: at(deadlineMs + HOLD_GRACE_MS + 1000) });

    const hold = await restarted.hold(orphaned, "2026-11", 1000, 1000, deadlineMs);
    await Promise.all([crashed.close(), restarted.close()]);

    expect(hold).toBeDefined();
  });
});

describe.skipIf(!databaseUrl)("Budgets of two dispatch instances sharing PostgreSQL (needs TEST_DATABASE_URL, which scripts/test.sh sets)", () => {
  let stores: Sql[];
  let ledgers: Ledger[];
  const tenant = `tenant-shared-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const instances: Budgets[] = [];
  /** An instance of its own over its own connections, with its clock `ms` after the tests started. */
  const instance = (i: number, ms = 0) => {
    const budgets = new Budgets(ledgers[i]!, { shared: true, ...quiet, now: at(ms) });
    instances.push(budgets);
    return budgets;
  };
  beforeAll(async () => {
    stores = [await openStore({ databaseUrl }), await openStore({ databaseUrl })];
    ledgers = await Promise.all(stores.map((sql) => Ledger.open(sql)));
  });
  afterAll(async () => {
    await Promise.all(instances.map((b) => b.close()));
    await stores[0]!.query("DELETE FROM ai_usage WHERE tenant_id LIKE $1", [`${tenant}%`]);
    await stores[0]!.query("DELETE FROM ai_budget WHERE tenant_id LIKE $1", [`${tenant}%`]);
    await Promise.all(stores.map((s) => s.close()));
  });

  it("never hold more than the hard limit together when 50 holds race", async () => {
    const racing = [instance(0), instance(1)];

    const holds = await Promise.all(Array.from({ length: 50 }, (_, i) => racing[i % 2]!.hold(`${tenant}-race`, "2026-11", 100, 1000, deadlineMs)));

    expect(holds.filter(Boolean)).toHaveLength(10);
  });

  it("count another instance's hold until its expiry, then no more", async () => {
    const crashed = instance(0);
    await crashed.hold(`${tenant}-expiry`, "2026-11", 800, 1000, deadlineMs);
    const expiry = deadlineMs + HOLD_GRACE_MS + 1000;

    const whileLive = await instance(1, expiry - 2000).hold(`${tenant}-expiry`, "2026-11", 300, 1000, deadlineMs);
    const afterExpiry = await instance(1, expiry).hold(`${tenant}-expiry`, "2026-11", 300, 1000, deadlineMs);

    expect(whileLive).toBeUndefined();
    expect(afterExpiry).toBeDefined();
  });

  it("never hold more than the hard limit together when 50 holds race beside the expired holds of a crashed instance", async () => {
    await instance(0).hold(`${tenant}-crash-race`, "2026-11", 800, 1000, deadlineMs);
    const later = deadlineMs + HOLD_GRACE_MS + 1000;
    const racing = [instance(0, later), instance(1, later)];

    const holds = await Promise.all(Array.from({ length: 50 }, (_, i) => racing[i % 2]!.hold(`${tenant}-crash-race`, "2026-11", 100, 1000, deadlineMs)));

    expect(holds.filter(Boolean)).toHaveLength(10);
    expect(await racing[0]!.state(`${tenant}-crash-race`, "2026-11")).toEqual({ spent: 0, reserved: 1000 });
  });

  it("answer the spending with another instance's charges once booked, and their own at once", async () => {
    const soft = `${tenant}-soft`;
    const [a, b] = [instance(0), instance(1)];
    await a.settle((await a.hold(soft, "2026-11", 9000, 0, deadlineMs))!, charge(soft, 4000));

    const beforeBooking = await b.settle((await b.hold(soft, "2026-11", 9000, 0, deadlineMs))!, charge(soft, 1000));
    await a.close();
    const afterBooking = await b.settle((await b.hold(soft, "2026-11", 9000, 0, deadlineMs))!, charge(soft, 500));

    expect(beforeBooking).toBe(1000);
    expect(afterBooking).toBe(5500);
  });

  it("learn another instance's booked charges from their own bookings too", async () => {
    const soft = `${tenant}-soft-booked`;
    const [a, b] = [instance(0), instance(1)];
    const holds = [(await b.hold(soft, "2026-11", 9000, 0, deadlineMs))!, (await b.hold(soft, "2026-11", 9000, 0, deadlineMs))!];
    await a.settle((await a.hold(soft, "2026-11", 9000, 0, deadlineMs))!, charge(soft, 4000));
    await a.close();

    await b.settle(holds[0]!, charge(soft, 1000));
    await b.usage(soft, "2026-11-01", "2026-11-30");
    const spent = await b.settle(holds[1]!, charge(soft, 500));

    expect(spent).toBe(5500);
  });
});
