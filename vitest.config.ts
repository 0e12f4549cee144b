import { defineConfig } from "vitest/config";

/**
 * Tests are grouped by subject (test/plugin, test/theme, …). Two projects split them by what they
 * cost: "unit" runs in seconds and suits the edit loop (`npm run test:unit`); "builds" runs whole
 * Eleventy builds, the packed package, Chromium and the workflows. `npm test` runs both.
 */
const BUILDS = ["test/integration/**", "test/browser/**", "test/package/**", "test/site/**", "test/standards/**", "test/workflow/**", "test/bench/floor.test.ts", "test/bench/photo-weight.test.ts"];

export default defineConfig({
  test: {
    // Integration tests run whole Eleventy builds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Many tests provoke errors on purpose: their output is shown only when a test fails.
    silent: "passed-only",
    projects: [
      { extends: true, test: { name: "unit", include: ["test/**/*.test.ts"], exclude: BUILDS } },
      { extends: true, test: { name: "builds", include: BUILDS.map((glob) => (glob.endsWith("**") ? `${glob}/*.test.ts` : glob)) } },
    ],
  },
});
