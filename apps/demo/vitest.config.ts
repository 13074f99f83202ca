import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Browser tests run only through `test:e2e` (vitest.e2e.config.ts): a plain `vitest run` must never need Chromium.
    exclude: [...configDefaults.exclude, "e2e/**"],
    // Each file starts a real mock, and the command tests spawn node, which loads Prism: on a busy 2-core machine
    // that takes seconds. These are limits against hangs, not speed assertions.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
