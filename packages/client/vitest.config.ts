import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Some files start real servers and stream megabytes through them: on a busy 2-core CI machine, running beside
    // the other packages, that can take several seconds. These are limits against hangs, not speed assertions.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
