// Budget holds with as little as possible on the response path.
//
// Embedded ledger (PGlite): the database belongs to this one process, so its memory is the authority
// on each tenant's month: read once from the ledger, then every hold is a check-and-add with no await
// in between, atomic because a Node process runs one piece of JavaScript at a time. No statement runs
// for a hold, and holds end with the process that made them.
//
// PostgreSQL (`shared`): several dispatch instances may use it, and one instance's memory knows nothing
// of the others' holds. Each hold is then one conditional INSERT ... ON CONFLICT DO UPDATE ... RETURNING,
// atomic across instances, so together they never hold more than the hard limit: one round trip per
// request, the only one on its response path. A hold expires at its request's deadline plus
// HOLD_GRACE_MS: the holds of an instance that crashed stop counting then, and the next hold of that
// month drops them within its own statement.
//
// In both, settling (the usage row, the hold turned into the real cost) is written behind the answer by
// Settlements. Until it is written, the database still holds the request's worst case: never an
// overspend, and a hold it would refuse first books the pending settlements and asks again. A crash
// loses the charges of at most one flush interval and, with PostgreSQL, leaves their holds in place
// until they expire, which errs towards refusing.
//
// The spending settle answers (for the soft-budget warning) is exact with the embedded ledger. With
// PostgreSQL it is the freshest figure this instance has without a statement: the spending that the
// month's latest statement here answered (a hold or a booking), plus this instance's charges that
// spending lacks. This instance's own charges count at once; another instance's count once it has
// booked them (every flush interval, 200 ms, later while its writes fail) and a statement of this
// instance has touched that month since. The figure never counts a charge twice, so it lags and never
// runs ahead.
import type { Logger } from "@aivo/mesh-node";
import type { BudgetState, Charge, Hold, Ledger, UsageRow } from "./ledger.js";
import { Settlements } from "./settlements.js";

export type { Hold } from "./ledger.js";

/** How long a hold outlives its request's deadline, in ms: time to book the answer, retry a failed booking, and clocks of instances apart. */
export const HOLD_GRACE_MS = 10_000;

export interface BudgetsOptions {
  /** shared: the ledger is PostgreSQL that other instances may share, so holds are made in it. */
  shared: boolean;
  logger: Logger;
  flushIntervalMs?: number;
  /** now is the clock holds expire by, in ms since the epoch. */
  now?: () => number;
}

const monthKey = (tenant: string, month: string) => `${tenant}\u0000${month}`;

export class Budgets {
  private readonly settlements: Settlements;
  private readonly now: () => number;
  /** The months held in memory (embedded ledger only), each read from the ledger once. */
  private readonly months = new Map<string, Promise<BudgetState>>();
  /** The freshest spending known of each month (shared ledger only), in nano-dollars. */
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly ledger: Ledger,
    private readonly options: BudgetsOptions,
  ) {
    this.now = options.now ?? Date.now;
    const booked = options.shared ? (tenant: string, month: string, spent: number) => this.saw(tenant, month, spent) : undefined;
    this.settlements = new Settlements(ledger, options.logger, options.flushIntervalMs, booked);
  }

  /**
   * hold holds `amount` on the tenant's month until the request settles or is released, or at the latest
   * until `deadlineMs` (the request's, in ms) plus HOLD_GRACE_MS, unless spent + held + amount would pass
   * `hardLimit` (0: none); undefined when refused.
   */
  async hold(tenant: string, month: string, amount: number, hardLimit: number, deadlineMs: number): Promise<Hold | undefined> {
    const now = this.now();
    const hold = { tenant, month, amount, expiresAt: Math.ceil((now + deadlineMs + HOLD_GRACE_MS) / 1000) * 1000 };
    if (this.options.shared) {
      let state = await this.ledger.reserve(hold, hardLimit, now);
      if (!state && this.settlements.pending) {
        await this.settlements.flush();
        state = await this.ledger.reserve(hold, hardLimit, this.now());
      }
      if (!state) return undefined;
      this.saw(tenant, month, state.spent);
      return hold;
    }
    const state = await this.month(tenant, month);
    // From here to the return nothing awaits: the check and the hold are one step.
    if (hardLimit > 0 && state.spent + state.reserved + amount > hardLimit) return undefined;
    state.reserved += amount;
    return hold;
  }

  /** release gives back the hold of a request that was not answered. */
  async release(hold: Hold): Promise<void> {
    if (this.options.shared) return this.ledger.release(hold);
    (await this.month(hold.tenant, hold.month)).reserved -= hold.amount;
  }

  /** settle charges an answered request in place of its hold and answers the month's spending with it (see above for how fresh). */
  async settle(hold: Hold, charge: Charge): Promise<number> {
    if (this.options.shared) {
      this.settlements.add(charge, new Map([[hold.expiresAt, hold.amount]]));
      const key = monthKey(hold.tenant, hold.month);
      const spent = (this.seen.get(key) ?? 0) + charge.costNanoUsd;
      this.seen.set(key, spent);
      return spent;
    }
    this.settlements.add(charge, new Map());
    const state = await this.month(hold.tenant, hold.month);
    state.reserved -= hold.amount;
    state.spent += charge.costNanoUsd;
    return state.spent;
  }

  /** state is the tenant's month with every charge made so far. */
  async state(tenant: string, month: string): Promise<BudgetState> {
    if (!this.options.shared) return { ...(await this.month(tenant, month)) };
    await this.settlements.flush();
    return this.ledger.budget(tenant, month, this.now());
  }

  /** usage is the tenant's usage rows from `fromDay` to `toDay` with every charge made so far. */
  async usage(tenant: string, fromDay: string, toDay: string): Promise<UsageRow[]> {
    await this.settlements.flush();
    return this.ledger.usage(tenant, fromDay, toDay);
  }

  /** close books every charge made so far. */
  close(): Promise<void> {
    return this.settlements.close();
  }

  /**
   * saw learns the month's spending from a statement's answer, adding the charges not yet sent to the
   * ledger, which it cannot contain. Charges sent but not written when it ran are in neither; keeping the
   * larger figure keeps them, as settle counted them already.
   */
  private saw(tenant: string, month: string, spent: number): void {
    const key = monthKey(tenant, month);
    this.seen.set(key, Math.max(this.seen.get(key) ?? 0, spent + this.settlements.unsent(tenant, month)));
  }

  private month(tenant: string, month: string): Promise<BudgetState> {
    const key = monthKey(tenant, month);
    let state = this.months.get(key);
    if (!state) {
      // Holds live only in memory here, so a month starts from the ledger's spending and nothing held.
      state = this.ledger.budget(tenant, month, this.now()).then(({ spent }) => ({ spent, reserved: 0 }));
      state.catch(() => this.months.delete(key));
      this.months.set(key, state);
    }
    return state;
  }
}
