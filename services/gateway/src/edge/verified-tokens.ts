// A bounded memo of tokens already verified, kept until they expire. Verifying a JWT costs about
// 0.1 ms (HS256) and more for RS256/ES256, on every call; a token is reused for many calls, and a
// lookup costs about a microsecond. A token's signature and claims cannot change, so the answer holds
// until its exp.

/** VerifiedTokens remembers what each token verified to, oldest entries leaving first when full. */
export class VerifiedTokens<T> {
  readonly #entries = new Map<string, { value: T; expiresAtMs: number }>();

  /**
   * @param capacity is the number of tokens remembered; default 10,000.
   * @param now is the clock in ms since the epoch; default Date.now.
   */
  constructor(
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** get is what `token` verified to, or undefined when unknown or expired. */
  get(token: string): T | undefined {
    const entry = this.#entries.get(token);
    if (entry === undefined) return undefined;
    if (entry.expiresAtMs <= this.now()) {
      this.#entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  /** remember keeps `value` for `token` until `expiresAtMs`. */
  remember(token: string, value: T, expiresAtMs: number): void {
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(token, { value, expiresAtMs });
  }
}
