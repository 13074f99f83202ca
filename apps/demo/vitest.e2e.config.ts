import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    // One Chromium at a time: several on a 2-core machine only make each one slower and flakier.
    fileParallelism: false,
    // Launching Chromium and rendering a page can take seconds on a busy CI machine: limits against hangs only.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
