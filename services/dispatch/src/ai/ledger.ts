// The usage ledger and budget counters in SQL. A hold of a request's worst-case cost is one
// conditional statement (so concurrent requests, in any number of processes, cannot together pass
// the hard limit); a booking adds answered requests to the day's usage row and turns their holds
// into spent money, in one statement. Budgets decides which of these run, and when.
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
    reserved_nano_usd BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, month)
  )`,
];

/** BudgetState is a tenant's month, in nano-dollars. */
export interface BudgetState {
  spent: number;
  reserved: number;
}

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

/** Booking is charges added up: how many requests, and how much of the month's hold they give back. */
export interface Booking extends Charge {
  requests: number;
  releasedNanoUsd: number;
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

export class Ledger {
  private constructor(private readonly sql: Sql) {}

  static async open(sql: Sql): Promise<Ledger> {
    for (const statement of schema) await sql.query(statement);
    return new Ledger(sql);
  }

  /**
   * reserve holds `amount` of the tenant's month unless spent + reserved + amount would pass
   * `hardLimit` (0: no limit). It answers the state after the hold, or undefined when refused.
   */
  async reserve(tenant: string, month: string, amount: number, hardLimit: number): Promise<BudgetState | undefined> {
    // One statement, so the check and the hold are one atomic step, whether the month's row exists yet or not.
    const [row] = await this.sql.query<{ spent_nano_usd: Numeric; reserved_nano_usd: Numeric }>(
      `INSERT INTO ai_budget (tenant_id, month, reserved_nano_usd)
       SELECT $1, $2, $3::bigint WHERE $4::bigint = 0 OR $3::bigint <= $4::bigint
       ON CONFLICT (tenant_id, month) DO UPDATE SET reserved_nano_usd = ai_budget.reserved_nano_usd + EXCLUDED.reserved_nano_usd
       WHERE $4::bigint = 0 OR ai_budget.spent_nano_usd + ai_budget.reserved_nano_usd + EXCLUDED.reserved_nano_usd <= $4::bigint
       RETURNING spent_nano_usd, reserved_nano_usd`,
      [tenant, month, amount, hardLimit],
    );
    return row && toBudget(row);
  }

  /** release gives back a hold whose request was not answered. */
  async release(tenant: string, month: string, amount: number): Promise<void> {
    await this.sql.query("UPDATE ai_budget SET reserved_nano_usd = reserved_nano_usd - $3 WHERE tenant_id = $1 AND month = $2", [tenant, month, amount]);
  }

  /** book adds a booking to its day's usage row and to its month's spending, releasing its holds, in one statement. */
  async book(booking: Booking): Promise<void> {
    const { tenant, day, provider, model, requests, inputTokens, outputTokens, costNanoUsd, releasedNanoUsd } = booking;
    // The month's row exists when the hold was made here; with holds kept in memory it may not yet.
    await this.sql.query(
      `WITH booked AS (
         INSERT INTO ai_usage (tenant_id, provider, model, day, requests, input_tokens, output_tokens, cost_nano_usd)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (tenant_id, provider, model, day) DO UPDATE SET
           requests = ai_usage.requests + EXCLUDED.requests,
           input_tokens = ai_usage.input_tokens + EXCLUDED.input_tokens,
           output_tokens = ai_usage.output_tokens + EXCLUDED.output_tokens,
           cost_nano_usd = ai_usage.cost_nano_usd + EXCLUDED.cost_nano_usd
       )
       INSERT INTO ai_budget (tenant_id, month, spent_nano_usd) VALUES ($1, $9, $8::bigint)
       ON CONFLICT (tenant_id, month) DO UPDATE SET
         spent_nano_usd = ai_budget.spent_nano_usd + EXCLUDED.spent_nano_usd,
         reserved_nano_usd = ai_budget.reserved_nano_usd - $10::bigint`,
      [tenant, provider, model, day, requests, inputTokens, outputTokens, costNanoUsd, day.slice(0, 7), releasedNanoUsd],
    );
  }

  async budget(tenant: string, month: string): Promise<BudgetState> {
    const [row] = await this.sql.query<{ spent_nano_usd: Numeric; reserved_nano_usd: Numeric }>(
      "SELECT spent_nano_usd, reserved_nano_usd FROM ai_budget WHERE tenant_id = $1 AND month = $2",
      [tenant, month],
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
