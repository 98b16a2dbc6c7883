import { defineConfig } from "vitest/config";

// The console's plain modules (WAV encoding, plot geometry, error messages); the page itself is tested
// in headless Chromium by e2e/console.test.ts.
export default defineConfig({
  test: { root: import.meta.dirname, include: ["src/**/*.test.ts"] },
});
