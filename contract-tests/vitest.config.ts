import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

/** The tests that reach the mock through the client: each runs once per transport. */
const THROUGH_THE_MOCK = ["test/documented-responses/**/*.test.ts", "test/flow/**/*.test.ts", "test/fuzz/**/*.test.ts"];
/** The docs' curl runs in another process, which only a socket reaches: against the server only. */
const THROUGH_A_SOCKET = ["test/curl/**/*.test.ts"];
/** The in-process flow on MSW 3, installed beside MSW 2 as `msw3`; the test skips itself on a Node that MSW 3 refuses. */
const ON_MSW_3 = ["test/msw3/**/*.test.ts"];
/** A module of MSW 3, by its subpath. */
const msw3 = (subpath: string) => fileURLToPath(import.meta.resolve(`msw3/${subpath}`));

export default defineConfig({
  test: {
    // A property sends dozens of requests to the mock; on a busy 2-core machine that can pass 5 s.
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "server",
          include: [...THROUGH_THE_MOCK, ...THROUGH_A_SOCKET],
          // One pair of mocks for the whole project: starting Prism per file would dominate the run time.
          globalSetup: ["./test/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "msw",
          include: THROUGH_THE_MOCK,
          // Records and audits the exchanges as the server project does, with the mocks' origins instead of ports.
          globalSetup: ["./test/global-setup.ts"],
          // In each test file: no socket may listen, and MSW answers every request to the mocks' origins.
          setupFiles: ["./test/support/no-listening-socket.ts", "./test/support/msw-transport.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "standalone",
          // Every other test: the audit's own, the spec's examples, the docs' snippets and the client's types need no
          // mock, and the in-process examples under test/msw bring their own handlers, as docs/testing.md shows them.
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, ...THROUGH_THE_MOCK, ...THROUGH_A_SOCKET, ...ON_MSW_3],
          setupFiles: ["./test/support/no-listening-socket.ts"],
          // The type-level tests (*.test-d.ts, the client's public types) are checked by `tsc` in this package's
          // `typecheck` task, where a failed expectTypeOf is a type error: vitest's own typecheck would run the same
          // tsc again and print its "experimental feature" notice on every run.
        },
      },
      {
        extends: true,
        test: { name: "msw3", include: ON_MSW_3, setupFiles: ["./test/support/no-listening-socket.ts"] },
        // Every import of MSW, the mock's own included (the workspace links its build, which Vite transforms as it
        // does the tests), reaches MSW 3: `msw/core/http` too, MSW 2's home of `http`, which the mock imports as
        // long as it finds MSW 2's package.json beside it.
        resolve: { alias: { "msw/node": msw3("node"), "msw/core/http": msw3("http"), "msw/http": msw3("http") } },
      },
    ],
  },
});
