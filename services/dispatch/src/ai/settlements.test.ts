import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@aivo/mesh-node";
import { Ledger } from "./ledger.js";
import { Settlements } from "./settlements.js";
import { openStore, type Sql } from "./store.js";

const logger = createLogger({ service: "dispatch", level: "silent" });
const charge = { tenant: "tenant-s", day: "2026-11-24", provider: "openai", model: "gpt-4o-mini", inputTokens: 10, outputTokens: 5, costNanoUsd: 4500 };

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

    for (const cost of [1000, 2000, 3000]) settlements.add({ ...charge, costNanoUsd: cost }, 0);
    await settlements.flush();

    expect(await ledger.usage("tenant-s", "2026-11-24", "2026-11-24")).toEqual([expect.objectContaining({ requests: 3, inputTokens: 30, costNanoUsd: 6000 })]);
    await settlements.close();
  });

  it("keeps a booking whose write failed and books it at the next flush", async () => {
    const ledger = await Ledger.open(flaky(sql, 1));
    const settlements = new Settlements(ledger, logger, 60_000);
    settlements.add({ ...charge, tenant: "tenant-flaky" }, 0);

    await settlements.flush();
    const afterFailure = await ledger.usage("tenant-flaky", "2026-11-24", "2026-11-24");
    await settlements.flush();

    expect(afterFailure).toEqual([]);
    expect(await ledger.usage("tenant-flaky", "2026-11-24", "2026-11-24")).toEqual([expect.objectContaining({ requests: 1, costNanoUsd: 4500 })]);
    await settlements.close();
  });
});
