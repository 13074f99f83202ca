import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Each file starts a real mock, and the CLI tests spawn node: on a busy 2-core CI machine that can take
    // several seconds. These are limits against hangs, not speed assertions.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
