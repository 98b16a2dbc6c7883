import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@aivo/mesh-node";
import { Ledger } from "./ledger.js";
import { Settlements } from "./settlements.js";
import { openStore, type Sql } from "./store.js";

const logger = createLogger({ service: "dispatch", level: "silent" });
const charge = { tenant: "tenant-s", day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", inputTokens: 10, outputTokens: 5, costNanoUsd: 4500 };
const none = new Map<number, number>();

/** The database with its first `failures` bookings failing, as when PostgreSQL is briefly away. */
function flaky(sql: Sql, failures: number): Sql {
  let left = failures;
  return {
    query: (text, params) => (text.trimStart().startsWith("WITH booked") && left-- > 0 ? Promise.reject(new Error("connection lost")) : sql.query(text, params)),
    close: () => sql.close(),
  };
}

describe("Settlements", () => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openStore({});
  });
  afterAll(() => sql.close());

  it("adds up the charges of one tenant, provider, model and day into one row", async () => {
    const ledger = await Ledger.open(sql);
    const settlements = new Settlements(ledger, logger, 60_000);

    for (const cost of [1000, 2000, 3000]) settlements.add({ ...charge, costNanoUsd: cost }, none);
    await settlements.flush();

    expect(await ledger.usage("tenant-s", "2026-11-24", "2026-11-24")).toEqual([expect.objectContaining({ requests: 3, inputTokens: 30, costNanoUsd: 6000 })]);
    await settlements.close();
  });

  it("gives back the holds of the charges it adds up, each by its expiry", async () => {
    const ledger = await Ledger.open(sql);
    const settlements = new Settlements(ledger, logger, 60_000);
    const now = Date.UTC(2026, 10, 24);
    const holds = [900, 700, 500].map((amount, i) => ({ tenant: "tenant-holds", month: "2026-11", amount, expiresAt: now + (1 + (i % 2)) * 60_000 }));
    for (const hold of holds) await ledger.reserve(hold, 0, now);

    for (const hold of holds) settlements.add({ ...charge, tenant: "tenant-holds", costNanoUsd: 100 }, new Map([[hold.expiresAt, hold.amount]]));
    await settlements.close();

    expect(await ledger.budget("tenant-holds", "2026-11", now)).toEqual({ spent: 300, reserved: 0 });
  });

  it("counts what no flush has taken to the ledger yet, by tenant and month", async () => {
    const settlements = new Settlements(await Ledger.open(sql), logger, 60_000);
    settlements.add({ ...charge, tenant: "tenant-unsent", costNanoUsd: 1000 }, none);
    settlements.add({ ...charge, tenant: "tenant-unsent", model: "gpt-4o", costNanoUsd: 2000 }, none);
    settlements.add({ ...charge, tenant: "tenant-unsent", day: "2026-12-01", costNanoUsd: 4000 }, none);

    const before = settlements.unsent("tenant-unsent", "2026-11");
    await settlements.flush();

    expect(before).toBe(3000);
    expect(settlements.unsent("tenant-unsent", "2026-11")).toBe(0);
    await settlements.close();
  });

  it("tells the month's spending each booking answered", async () => {
    const heard: [string, string, number][] = [];
    const settlements = new Settlements(await Ledger.open(sql), logger, 60_000, (...spending) => heard.push(spending));
    settlements.add({ ...charge, tenant: "tenant-heard", costNanoUsd: 1000 }, none);
    await settlements.flush();
    settlements.add({ ...charge, tenant: "tenant-heard", costNanoUsd: 2000 }, none);

    await settlements.close();

    expect(heard).toEqual([
      ["tenant-heard", "2026-11", 1000],
      ["tenant-heard", "2026-11", 3000],
    ]);
  });

  it("keeps a booking whose write failed, still unsent, and books it at the next flush", async () => {
    const ledger = await Ledger.open(flaky(sql, 1));
    const settlements = new Settlements(ledger, logger, 60_000);
    settlements.add({ ...charge, tenant: "tenant-flaky" }, none);

    await settlements.flush();
    const afterFailure = await ledger.usage("tenant-flaky", "2026-11-24", "2026-11-24");
    const unsentAfterFailure = settlements.unsent("tenant-flaky", "2026-11");
    await settlements.flush();

    expect(afterFailure).toEqual([]);
    expect(unsentAfterFailure).toBe(4500);
    expect(await ledger.usage("tenant-flaky", "2026-11-24", "2026-11-24")).toEqual([expect.objectContaining({ requests: 1, costNanoUsd: 4500 })]);
    await settlements.close();
  });
});
