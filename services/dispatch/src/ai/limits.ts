// Per-tenant requests and tokens per minute. Requests are counted as they come; tokens once the
// provider has reported them, and a tenant past its tokens for the minute is refused until it ends.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { Code, ConnectError } from "@connectrpc/connect";
import type { Limits } from "./ai-config.js";

export class TenantLimits {
  /** One limiter per distinct allowance, since a limiter's points are fixed. */
  private readonly limiters = new Map<string, RateLimiterMemory>();

  constructor(private readonly limitsOf: (tenant: string) => Limits) {}

  private limiter(kind: "rpm" | "tpm", points: number): RateLimiterMemory {
    const key = `${kind}:${points}`;
    let limiter = this.limiters.get(key);
    if (!limiter) this.limiters.set(key, (limiter = new RateLimiterMemory({ keyPrefix: key, points, duration: 60 })));
    return limiter;
  }

  /** admit counts one request, or throws RESOURCE_EXHAUSTED when the tenant is over a limit. */
  async admit(tenant: string): Promise<void> {
    const { rpm, tpm } = this.limitsOf(tenant);
    if (tpm !== undefined && ((await this.limiter("tpm", tpm).get(tenant))?.consumedPoints ?? 0) >= tpm) {
      throw new ConnectError(`tenant ${tenant} used its ${tpm} tokens per minute`, Code.ResourceExhausted);
    }
    if (rpm === undefined) return;
    try {
      await this.limiter("rpm", rpm).consume(tenant);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw new ConnectError(`tenant ${tenant} made more than ${rpm} requests per minute`, Code.ResourceExhausted);
    }
  }

  /** used counts the tokens a tenant's answered request took. */
  async used(tenant: string, tokens: number): Promise<void> {
    const { tpm } = this.limitsOf(tenant);
    if (tpm !== undefined && tokens > 0) await this.limiter("tpm", tpm).penalty(tenant, tokens);
  }
}
