import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // One mock for the whole run: starting Prism per file would dominate the run time.
    globalSetup: ["./test/global-setup.ts"],
    // A property sends dozens of requests to the mock; on a busy 2-core machine that can pass 5 s.
    testTimeout: 60_000,
    // Type-level tests (*.test-d.ts) pin the public types of the client.
    typecheck: { enabled: true, tsconfig: "./tsconfig.json" },
  },
});
