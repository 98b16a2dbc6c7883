import { describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
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
