// The gateway's Redis connection (rate-limit counters), with one log line per change of state
// rather than one per reconnection attempt.
import type { Logger } from "@aivo/mesh-node";
import { Redis } from "ioredis";

/** connectRedis opens `url`; commands fail at once while Redis is away (no offline queue). */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let available = true;
  redis.on("error", (error: Error) => {
    if (available) logger.warn({ error: error.message }, "redis unavailable: in-process rate limits stand in");
    available = false;
  });
  redis.on("ready", () => {
    if (!available) logger.info("redis available again");
    available = true;
  });
  return redis;
}

/**
 * whenSettled resolves once Redis is ready or has failed, or after waitMs, whichever comes first, so the
 * gateway starts counting in Redis rather than in the stand-in counters when Redis is there to be had.
 */
export function whenSettled(redis: Redis, waitMs: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done).off("error", done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    redis.once("ready", done).once("error", done);
  });
}
