/**
 * Cooldowns is a circuit breaker per deployment: after `failures` failures in a row a deployment
 * cools down for `ms` and is skipped; then it is tried again, and one more failure cools it again
 * at once, while a success forgets its failures.
 */
export class Cooldowns {
  private readonly state = new Map<string, { failures: number; until: number }>();

  constructor(
    private readonly options: { failures: number; ms: number },
    private readonly now: () => number = Date.now,
  ) {}

  isCooling(key: string): boolean {
    return (this.state.get(key)?.until ?? 0) > this.now();
  }

  failed(key: string): void {
    const state = this.state.get(key) ?? { failures: 0, until: 0 };
    state.failures++;
    if (state.failures >= this.options.failures) state.until = this.now() + this.options.ms;
    this.state.set(key, state);
  }

  succeeded(key: string): void {
    this.state.delete(key);
  }
}
