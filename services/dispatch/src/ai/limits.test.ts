import { afterAll, describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
import { connectRedis, createLogger, whenSettled, type Redis } from "@aivo/mesh-node";
import type { Limits } from "./ai-config.js";
import { TenantLimits } from "./limits.js";

describe("TenantLimits", () => {
  it("refuses a tenant that used its tokens for the minute, and only that tenant", async () => {
    const limits = new TenantLimits(() => ({ tpm: 100 }));
    await limits.admit("tenant-a");

    await limits.used("tenant-a", 100);

    await expect(limits.admit("tenant-a")).rejects.toMatchObject({ code: Code.ResourceExhausted, rawMessage: "tenant tenant-a used its 100 tokens per minute" });
    await expect(limits.admit("tenant-b")).resolves.toBeUndefined();
  });

  it("gives each tenant its own allowance of requests", async () => {
    const limits = new TenantLimits((tenant) => (tenant === "tenant-small" ? { rpm: 1 } : { rpm: 3 }));
    await limits.admit("tenant-small");
    await limits.admit("tenant-big");
    await limits.admit("tenant-big");

    await expect(limits.admit("tenant-small")).rejects.toMatchObject({ code: Code.ResourceExhausted });
    await expect(limits.admit("tenant-big")).resolves.toBeUndefined();
  });

  it("lets a tenant without limits through", async () => {
    const limits = new TenantLimits(() => ({}));

    await expect(Promise.all(Array.from({ length: 1000 }, () => limits.admit("tenant-free")))).resolves.toHaveLength(1000);
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)("TenantLimits in Redis (needs TEST_REDIS_URL, which scripts/test.sh sets)", () => {
  const redisUrl = process.env.TEST_REDIS_URL!;
  const logger = createLogger({ service: "dispatch", level: "silent" });
  const connections: Redis[] = [];
  /** Two dispatch instances: their own limiters over their own Redis connections. */
  async function twoInstances(limits: Limits) {
    const instances = [];
    for (let i = 0; i < 2; i++) {
      const redis = connectRedis(redisUrl, logger);
      await whenSettled(redis, 2_000);
      connections.push(redis);
      instances.push(new TenantLimits(() => limits, redis));
    }
    return instances as [TenantLimits, TenantLimits];
  }
  const tenant = () => `tenant-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  afterAll(() => connections.forEach((redis) => redis.disconnect()));

  it("lets two dispatch instances share one tenant's requests per minute", async () => {
    const [a, b] = await twoInstances({ rpm: 3 });
    const shared = tenant();
    await a.admit(shared);
    await a.admit(shared);
    await b.admit(shared);

    await expect(b.admit(shared)).rejects.toMatchObject({ code: Code.ResourceExhausted, rawMessage: `tenant ${shared} made more than 3 requests per minute` });
  });

  it("lets two dispatch instances share one tenant's tokens per minute", async () => {
    const [a, b] = await twoInstances({ tpm: 100 });
    const shared = tenant();
    await a.admit(shared);

    await a.used(shared, 100);

    await expect(b.admit(shared)).rejects.toMatchObject({ code: Code.ResourceExhausted, rawMessage: `tenant ${shared} used its 100 tokens per minute` });
  });
});
