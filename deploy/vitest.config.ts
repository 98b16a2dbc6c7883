import { resolve } from "node:path";
import { defineConfig } from "vitest/config";

// Tests of what installs, configures and packages the mesh: compose and Dockerfiles, Envoy's config, scripts.
export default defineConfig({
  test: {
    root: resolve(import.meta.dirname, ".."),
    include: ["deploy/**/*.test.ts", "envoy/**/*.test.ts", "scripts/**/*.test.ts"],
    testTimeout: 20_000,
  },
});
