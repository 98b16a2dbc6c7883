import { defineConfig } from "vitest/config";

// End-to-end tests: one real mesh (brain, dispatch, gateway, Envoy) is started for the whole run.
export default defineConfig({
  test: {
    include: ["e2e/**/*.test.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
