import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.js";
import { connectRedis, whenSettled } from "./redis.js";

const logger = createLogger({ service: "test", level: "silent" });

describe("whenSettled", () => {
  it("resolves as soon as a Redis that cannot be reached has failed, not at the end of the wait", async () => {
    const redis = connectRedis("redis://127.0.0.1:1", logger);

    // Waiting the full minute would outlast the test's own timeout.
    await whenSettled(redis, 60_000);

    expect(redis.status).not.toBe("ready");
    redis.disconnect();
  });

  it.skipIf(!process.env.TEST_REDIS_URL)("resolves with the connection ready when Redis is there (needs TEST_REDIS_URL)", async () => {
    const redis = connectRedis(process.env.TEST_REDIS_URL!, logger);

    await whenSettled(redis, 5_000);

    expect(redis.status).toBe("ready");
    redis.disconnect();
  });
});
