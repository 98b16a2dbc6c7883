// Budget holds with as little as possible on the response path.
//
// Embedded ledger (PGlite): the database belongs to this one process, so its memory is the authority
// on each tenant's month: read once from the ledger, then every hold is a check-and-add with no await
// in between, atomic because a Node process runs one piece of JavaScript at a time. No statement runs
// for a hold.
//
// PostgreSQL (`shared`): several dispatch instances may use it, and one instance's memory knows nothing
// of the others' holds. Each hold is then one conditional INSERT ... ON CONFLICT DO UPDATE ... RETURNING,
// atomic across instances, so together they never hold more than the hard limit: one round trip per
// request, the only one on its response path.
//
// In both, settling (the usage row, the hold turned into the real cost) is written behind the answer by
// Settlements. Until it is written, the database still holds the request's worst case: never an
// overspend, and a hold it would refuse first books the pending settlements and asks again. A crash
// loses the charges of at most one flush interval and, with PostgreSQL, leaves their holds in place,
// which errs towards refusing.
import type { Logger } from "@aivo/mesh-node";
import type { BudgetState, Charge, Ledger, UsageRow } from "./ledger.js";
import { Settlements } from "./settlements.js";

/** Hold is a request's worst-case cost held on its tenant's month until it settles or is released. */
export interface Hold {
  tenant: string;
  month: string;
  amount: number;
  /** spent is the month's spending when the hold was made, in nano-dollars. */
  spent: number;
}

export interface BudgetsOptions {
  /** shared: the ledger is PostgreSQL that other instances may share, so holds are made in it. */
  shared: boolean;
  logger: Logger;
  flushIntervalMs?: number;
}

export class Budgets {
  private readonly settlements: Settlements;
  /** The months held in memory (embedded ledger only), each read from the ledger once. */
  private readonly months = new Map<string, Promise<BudgetState>>();

  constructor(
    private readonly ledger: Ledger,
    private readonly options: BudgetsOptions,
  ) {
    this.settlements = new Settlements(ledger, options.logger, options.flushIntervalMs);
  }

  /** hold holds `amount` on the tenant's month unless spent + held + amount would pass `hardLimit` (0: none); undefined when refused. */
  async hold(tenant: string, month: string, amount: number, hardLimit: number): Promise<Hold | undefined> {
    if (this.options.shared) {
      let state = await this.ledger.reserve(tenant, month, amount, hardLimit);
      if (!state && this.settlements.pending) {
        await this.settlements.flush();
        state = await this.ledger.reserve(tenant, month, amount, hardLimit);
      }
      return state && { tenant, month, amount, spent: state.spent };
    }
    const state = await this.month(tenant, month);
    // From here to the return nothing awaits: the check and the hold are one step.
    if (hardLimit > 0 && state.spent + state.reserved + amount > hardLimit) return undefined;
    state.reserved += amount;
    return { tenant, month, amount, spent: state.spent };
  }

  /** release gives back the hold of a request that was not answered. */
  async release(hold: Hold): Promise<void> {
    if (this.options.shared) return this.ledger.release(hold.tenant, hold.month, hold.amount);
    (await this.month(hold.tenant, hold.month)).reserved -= hold.amount;
  }

  /**
   * settle charges an answered request in place of its hold and answers the month's spending with it:
   * exact with the embedded ledger, and with PostgreSQL what was spent when the hold was made plus this
   * charge (other instances' charges since then show at the next hold).
   */
  async settle(hold: Hold, charge: Charge): Promise<number> {
    this.settlements.add(charge, this.options.shared ? hold.amount : 0);
    if (this.options.shared) return hold.spent + charge.costNanoUsd;
    const state = await this.month(hold.tenant, hold.month);
    state.reserved -= hold.amount;
    state.spent += charge.costNanoUsd;
    return state.spent;
  }

  /** state is the tenant's month with every charge made so far. */
  async state(tenant: string, month: string): Promise<BudgetState> {
    if (!this.options.shared) return { ...(await this.month(tenant, month)) };
    await this.settlements.flush();
    return this.ledger.budget(tenant, month);
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

  private month(tenant: string, month: string): Promise<BudgetState> {
    const key = `${tenant}\u0000${month}`;
    let state = this.months.get(key);
    if (!state) {
      // Holds live only in memory here, so a month starts from the ledger's spending and nothing held.
      state = this.ledger.budget(tenant, month).then(({ spent }) => ({ spent, reserved: 0 }));
      state.catch(() => this.months.delete(key));
      this.months.set(key, state);
    }
    return state;
  }
}
