import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One mock for the whole run: starting Prism per file would dominate the run time.
    globalSetup: ["./test/global-setup.ts"],
    // Type-level tests (*.test-d.ts) pin the public types of the client.
    typecheck: { enabled: true, tsconfig: "./tsconfig.json" },
  },
});
