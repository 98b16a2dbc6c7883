// The usage ledger and budget counters in SQL. A hold of a request's worst-case cost is one
// conditional statement (so concurrent requests, in any number of processes, cannot together pass
// the hard limit); a booking adds answered requests to the day's usage row and turns their holds
// into spent money, in one statement. Budgets decides which of these run, and when.
//
// Holds expire: a month's row keeps them as {"<expiry, ms since the epoch>": nano-dollars}, and only
// those not yet expired count. A hold whose instance crashed before settling it thus stops counting at
// its expiry, and the next hold of that month drops it, inside its own conditional statement. Budgets
// makes expiries whole seconds, so a month holds at most one entry per second of the longest deadline.
import type { Sql } from "./store.js";

const schema = [
  `CREATE TABLE IF NOT EXISTS ai_usage (
    tenant_id TEXT NOT NULL,
    provider TEXT NOT NULL,
    model TEXT NOT NULL,
    day TEXT NOT NULL,
    requests BIGINT NOT NULL DEFAULT 0,
    input_tokens BIGINT NOT NULL DEFAULT 0,
    output_tokens BIGINT NOT NULL DEFAULT 0,
    cost_nano_usd BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, provider, model, day)
  )`,
  `CREATE TABLE IF NOT EXISTS ai_budget (
    tenant_id TEXT NOT NULL,
    month TEXT NOT NULL,
    spent_nano_usd BIGINT NOT NULL DEFAULT 0,
    holds JSONB NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, month)
  )`,
  // A ledger made before holds expired has a reserved_nano_usd column instead, which nothing reads any more.
  `ALTER TABLE ai_budget ADD COLUMN IF NOT EXISTS holds JSONB NOT NULL DEFAULT '{}'`,
];

/** `holds` with `delta` (same shape, negative to give back) added, keeping the entries above zero and, when `now` is given, not expired. */
const adjusted = (holds: string, delta: string, now?: string) => `(
  SELECT coalesce(jsonb_object_agg(key, amount), '{}') FROM (
    SELECT key, coalesce(h.value::bigint, 0) + coalesce(d.value::bigint, 0) AS amount
    FROM jsonb_each(${holds}) h FULL JOIN jsonb_each(${delta}) d USING (key)
  ) sums WHERE amount > 0${now ? ` AND key::bigint > ${now}` : ""})`;

/** The nano-dollars `holds` hold at `now`, its expired entries left out. */
const held = (holds: string, now: string) => `(SELECT coalesce(sum(value::bigint), 0) FROM jsonb_each(${holds}) WHERE key::bigint > ${now})`;

/** BudgetState is a tenant's month, in nano-dollars. */
export interface BudgetState {
  spent: number;
  reserved: number;
}

/** Hold is a request's worst-case cost held on its tenant's month until it settles, is released or expires. */
export interface Hold {
  tenant: string;
  month: string;
  /** amount is in nano-dollars. */
  amount: number;
  /**
   * expiresAt is when the hold stops counting in the ledger even if never settled, in ms since the epoch,
   * a whole second. Holds kept in memory (embedded ledger) end with their process instead.
   */
  expiresAt: number;
}

/** Held is nano-dollars held by expiry (ms since the epoch), as a month's row keeps them. */
export type Held = Map<number, number>;

/** Charge is one answered request's usage, or several of the same tenant, provider, model and day added up. */
export interface Charge {
  tenant: string;
  /** day is YYYY-MM-DD in UTC; its month is the budget's. */
  day: string;
  provider: string;
  model: string;
  inputTokens: number;
  outputTokens: number;
  costNanoUsd: number;
}

/** Booking is charges added up: how many requests, and the holds of the month they give back. */
export interface Booking extends Charge {
  requests: number;
  released: Held;
}

export interface UsageRow {
  day: string;
  provider: string;
  model: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  costNanoUsd: number;
}

type Numeric = string | number | bigint;
const toBudget = (row: { spent_nano_usd: Numeric; reserved_nano_usd: Numeric } | undefined): BudgetState => ({
  spent: Number(row?.spent_nano_usd ?? 0),
  reserved: Number(row?.reserved_nano_usd ?? 0),
});

/** The JSON that gives `held` back when added to a month's holds. */
const givenBack = (held: Held) => JSON.stringify(Object.fromEntries([...held].map(([expiresAt, amount]) => [expiresAt, -amount])));

export class Ledger {
  private constructor(private readonly sql: Sql) {}

  static async open(sql: Sql): Promise<Ledger> {
    for (const statement of schema) await sql.query(statement);
    return new Ledger(sql);
  }

  /**
   * reserve makes `hold` unless spent + held + its amount would pass `hardLimit` (0: no limit), counting
   * the holds not expired at `now` (ms since the epoch) and dropping the others. It answers the state
   * after the hold, or undefined when refused.
   */
  async reserve({ tenant, month, amount, expiresAt }: Hold, hardLimit: number, now: number): Promise<BudgetState | undefined> {
    // One statement, so the check and the hold are one atomic step, whether the month's row exists yet or not:
    // ON CONFLICT DO UPDATE locks the row and sees its latest version, whatever other instances committed.
    const [row] = await this.sql.query<{ spent_nano_usd: Numeric; reserved_nano_usd: Numeric }>(
      `INSERT INTO ai_budget AS b (tenant_id, month, holds)
       SELECT $1, $2, jsonb_build_object($5::text, $3::bigint) WHERE $4::bigint = 0 OR $3::bigint <= $4::bigint
       ON CONFLICT (tenant_id, month) DO UPDATE SET holds = ${adjusted("b.holds", "EXCLUDED.holds", "$6::bigint")}
       WHERE $4::bigint = 0 OR b.spent_nano_usd + ${held("b.holds", "$6::bigint")} + $3::bigint <= $4::bigint
       RETURNING spent_nano_usd, ${held("holds", "$6::bigint")} AS reserved_nano_usd`,
      [tenant, month, amount, hardLimit, expiresAt, now],
    );
    return row && toBudget(row);
  }

  /** release gives back a hold whose request was not answered. */
  async release(hold: Hold): Promise<void> {
    await this.sql.query(`UPDATE ai_budget AS b SET holds = ${adjusted("b.holds", "$3::jsonb")} WHERE tenant_id = $1 AND month = $2`, [
      hold.tenant,
      hold.month,
      givenBack(new Map([[hold.expiresAt, hold.amount]])),
    ]);
  }

  /**
   * book adds a booking to its day's usage row and to its month's spending, giving back its holds, in
   * one statement; it answers the month's spending after it.
   */
  async book(booking: Booking): Promise<number> {
    const { tenant, day, provider, model, requests, inputTokens, outputTokens, costNanoUsd, released } = booking;
    // The month's row exists when the hold was made here; with holds kept in memory it may not yet.
    const [row] = await this.sql.query<{ spent_nano_usd: Numeric }>(
      `WITH booked AS (
         INSERT INTO ai_usage (tenant_id, provider, model, day, requests, input_tokens, output_tokens, cost_nano_usd)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, provider, model, day) DO UPDATE SET
           requests = ai_usage.requests + EXCLUDED.requests,
           input_tokens = ai_usage.input_tokens + EXCLUDED.input_tokens,
           output_tokens = ai_usage.output_tokens + EXCLUDED.output_tokens,
           cost_nano_usd = ai_usage.cost_nano_usd + EXCLUDED.cost_nano_usd
       )
       INSERT INTO ai_budget AS b (tenant_id, month, spent_nano_usd) VALUES ($1, $9, $8::bigint)
       ON CONFLICT (tenant_id, month) DO UPDATE SET
         spent_nano_usd = b.spent_nano_usd + EXCLUDED.spent_nano_usd,
         holds = ${adjusted("b.holds", "$10::jsonb")}
       RETURNING spent_nano_usd`,
      [tenant, provider, model, day, requests, inputTokens, outputTokens, costNanoUsd, day.slice(0, 7), givenBack(released)],
    );
    return Number(row!.spent_nano_usd);
  }

  /** budget is the tenant's month, counting the holds not expired at `now` (ms since the epoch). */
  async budget(tenant: string, month: string, now: number): Promise<BudgetState> {
    const [row] = await this.sql.query<{ spent_nano_usd: Numeric; reserved_nano_usd: Numeric }>(
      `SELECT spent_nano_usd, ${held("holds", "$3::bigint")} AS reserved_nano_usd FROM ai_budget WHERE tenant_id = $1 AND month = $2`,
      [tenant, month, now],
    );
    return toBudget(row);
  }

  /** usage lists the tenant's rows from `fromDay` to `toDay` (YYYY-MM-DD, inclusive), oldest first. */
  async usage(tenant: string, fromDay: string, toDay: string): Promise<UsageRow[]> {
    const rows = await this.sql.query<Record<string, Numeric>>(
      `SELECT day, provider, model, requests, input_tokens, output_tokens, cost_nano_usd FROM ai_usage
       WHERE tenant_id = $1 AND day BETWEEN $2 AND $3 ORDER BY day, provider, model`,
      [tenant, fromDay, toDay],
    );
    return rows.map((r) => ({
      day: String(r.day),
      provider: String(r.provider),
      model: String(r.model),
      requests: Number(r.requests),
      inputTokens: Number(r.input_tokens),
      outputTokens: Number(r.output_tokens),
      costNanoUsd: Number(r.cost_nano_usd),
    }));
  }
}
