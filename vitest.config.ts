import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Integration tests run whole Eleventy builds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
