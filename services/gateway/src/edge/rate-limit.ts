// Per-tenant rate limits: counters in Redis when REDIS_URL is set (shared by every gateway process),
// in process memory otherwise. If Redis fails, in-process counters stand in until it is back.
import { Code, ConnectError } from "@connectrpc/connect";
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";

export interface RateLimitOptions {
  /** perMinute is the number of calls a tenant may make per minute. */
  perMinute: number;
  /** redis holds the counters; in-process counters when absent. */
  redis?: Redis;
}

/** createRateLimit returns consume(tenantId), which throws RESOURCE_EXHAUSTED once a tenant is over its limit. */
export function createRateLimit({ perMinute, redis }: RateLimitOptions): (tenantId: string) => Promise<void> {
  const shape = { points: perMinute, duration: 60, keyPrefix: "aivo:gateway:tenant" };
  const memory = new RateLimiterMemory(shape);
  const limiter = redis ? new RateLimiterRedis({ ...shape, storeClient: redis, insuranceLimiter: memory }) : memory;
  return async (tenantId) => {
    try {
      await limiter.consume(tenantId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retrySeconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw new ConnectError(
        `rate limit of ${perMinute} calls per minute reached for tenant ${tenantId}: retry in ${retrySeconds} s`,
        Code.ResourceExhausted,
      );
    }
  };
}
