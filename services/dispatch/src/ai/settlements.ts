// Settlement written behind the answer: a request is charged in memory at once and booked in the
// ledger with the others on an interval and at close, so no answer waits for the database. Charges
// of one tenant, provider, model and day add up into one statement per flush. A failed write keeps
// its bookings for the next flush; only a crash of the process (SIGKILL, power loss) loses what was
// charged since the last flush, at most one interval's worth.
import type { Logger } from "@aivo/mesh-node";
import type { Booking, Charge, Held, Ledger } from "./ledger.js";

/** How often charges are booked, in milliseconds. */
export const FLUSH_INTERVAL_MS = 200;

/** Booked hears the month's spending a booking answered, in nano-dollars. */
export type Booked = (tenant: string, month: string, spent: number) => void;

const monthKey = (tenant: string, month: string) => `${tenant}\u0000${month}`;

export class Settlements {
  private unbooked = new Map<string, Booking>();
  /** The cost of the charges not handed to the ledger yet, by tenant and month. */
  private unsentCost = new Map<string, number>();
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly ledger: Ledger,
    private readonly logger: Logger,
    intervalMs = FLUSH_INTERVAL_MS,
    private readonly booked: Booked = () => {},
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs).unref();
  }

  /** add charges one answered request, giving back `released` of its month's holds in the ledger. */
  add(charge: Charge, released: Held): void {
    this.merge({ ...charge, requests: 1, released: new Map(released) });
  }

  /** pending is whether some charges are not booked yet. */
  get pending(): boolean {
    return this.unbooked.size > 0;
  }

  /** unsent is what the tenant was charged in `month` (YYYY-MM) that no flush has taken to the ledger yet, in nano-dollars. */
  unsent(tenant: string, month: string): number {
    return this.unsentCost.get(monthKey(tenant, month)) ?? 0;
  }

  /** flush books everything charged so far; it resolves once it is written (or kept for the next flush). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write());
    return this.flushing;
  }

  /** close stops the interval and books what is left, so a process that stops loses nothing. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.unbooked.size > 0) this.logger.error({ bookings: this.unbooked.size }, "charges could not be booked before closing");
  }

  private merge(booking: Booking): void {
    const month = monthKey(booking.tenant, booking.day.slice(0, 7));
    this.unsentCost.set(month, (this.unsentCost.get(month) ?? 0) + booking.costNanoUsd);
    const key = `${booking.tenant}\u0000${booking.provider}\u0000${booking.model}\u0000${booking.day}`;
    const sum = this.unbooked.get(key);
    if (!sum) {
      this.unbooked.set(key, booking);
      return;
    }
    sum.requests += booking.requests;
    sum.inputTokens += booking.inputTokens;
    sum.outputTokens += booking.outputTokens;
    sum.costNanoUsd += booking.costNanoUsd;
    for (const [expiresAt, amount] of booking.released) sum.released.set(expiresAt, (sum.released.get(expiresAt) ?? 0) + amount);
  }

  private async write(): Promise<void> {
    if (this.unbooked.size === 0) return;
    const batch = [...this.unbooked.values()];
    this.unbooked = new Map();
    this.unsentCost = new Map();
    const failed = (
      await Promise.all(
        batch.map((booking) =>
          this.ledger.book(booking).then(
            // Heard the moment it is written: a charge still unsent then is not in this spending, so the two add up without counting one twice.
            (spent) => {
              this.booked(booking.tenant, booking.day.slice(0, 7), spent);
            },
            (error: unknown) => ({ booking, error }),
          ),
        ),
      )
    ).filter((f) => f !== undefined);
    for (const { booking } of failed) this.merge(booking);
    if (failed.length > 0) this.logger.error({ bookings: failed.length, error: String(failed[0]!.error) }, "booking charges failed; kept for the next flush");
  }
}
