// Per-tenant requests and tokens per minute. Requests are counted as they come; tokens once the
// provider has reported them, and a tenant past its tokens for the minute is refused until it ends.
// The counters live in Redis when REDIS_URL is set, so every dispatch instance shares one tenant's
// quota; in process memory otherwise. While Redis is away, in-process counters stand in.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { Code, ConnectError } from "@connectrpc/connect";
import type { Redis } from "@aivo/mesh-node";
import type { Limits } from "./ai-config.js";

export class TenantLimits {
  /** One limiter per distinct allowance, since a limiter's points are fixed. */
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  /** `redis` holds the counters shared by every instance; in-process counters when absent. */
  constructor(
    private readonly limitsOf: (tenant: string) => Limits,
    private readonly redis?: Redis,
  ) {}

  private limiter(kind: "rpm" | "tpm", points: number): RateLimiterAbstract {
    const keyPrefix = `aivo:dispatch:${kind}:${points}`;
    let limiter = this.limiters.get(keyPrefix);
    if (!limiter) {
      const shape = { keyPrefix, points, duration: 60 };
      const memory = new RateLimiterMemory(shape);
      limiter = this.redis ? new RateLimiterRedis({ ...shape, storeClient: this.redis, insuranceLimiter: memory }) : memory;
      this.limiters.set(keyPrefix, limiter);
    }
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
