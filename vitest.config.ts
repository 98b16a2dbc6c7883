import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["packages/**/src/**/*.test.ts", "services/**/src/**/*.test.ts"],
    testTimeout: 20_000,
    // Opening the embedded PGlite database (WASM) can take several seconds on a busy 2-core machine.
    hookTimeout: 60_000,
  },
});
