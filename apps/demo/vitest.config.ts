import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Browser tests run only through `test:e2e` (vitest.e2e.config.ts): a plain `vitest run` must never need Chromium.
    exclude: [...configDefaults.exclude, "e2e/**"],
  },
});
