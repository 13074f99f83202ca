import { describe, expect, it, vi } from "vitest";
import { createMockEngine } from "../../src/index.js";
import { DOCS_PATHS } from "../../src/reference/docs-page.js";
import { ORIGIN } from "../engine.js";

// Scalar's bundle unreadable, as in an install that skipped it: the only way to make a reference route fail.
let reads = 0;
vi.mock("../../src/reference/scalar-bundle.js", () => ({
  readScalarBundle: () => {
    reads += 1;
    return Promise.reject(new Error("ENOENT: no such file, standalone.js"));
  },
}));

describe("a reference route that cannot be built", () => {
  it("answers 500 internal naming the cause, not 404 bad_route, and tries again on the next request", async () => {
    const engine = await createMockEngine();
    for (const attempt of [1, 2]) {
      const response = await engine.handle(new Request(ORIGIN + DOCS_PATHS.scalar));
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        code: "internal",
        msg: "internal error: ENOENT: no such file, standalone.js",
      });
      expect(reads).toBe(attempt);
    }
  });
});
