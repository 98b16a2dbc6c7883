// A service's Redis connection (shared counters such as rate limits), with one log line per change of
// state rather than one per reconnection attempt.
import { Redis } from "ioredis";
import type { Logger } from "./logger.js";

export type { Redis } from "ioredis";

/** connectRedis opens `url`; commands fail at once while Redis is away (no offline queue), so in-process counters can stand in. */
export function connectRedis(url: string, logger: Logger): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let available = true;
  redis.on("error", (error: Error) => {
    if (available) logger.warn({ error: error.message }, "redis unavailable: in-process counters stand in");
    available = false;
  });
  redis.on("ready", () => {
    if (!available) logger.info("redis available again");
    available = true;
  });
  return redis;
}

/**
 * whenSettled resolves once Redis is ready or has failed, or after waitMs, whichever comes first, so a
 * service starts counting in Redis rather than in the stand-in counters when Redis is there to be had.
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
