import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

// Runs on the built dist (turbo's test depends on build), as an app would see the package.
it.concurrent.each(["node", "browser"])(
  "the published types check in a %s-only project, without skipLibCheck",
  async (runtime) => {
    const project = `test/packaging/consumer/tsconfig.${runtime}.json`;
    const result = await promisify(execFile)(process.execPath, [tsc, "-p", project]).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    expect(result.stdout + result.stderr).toBe("");
  },
  60_000,
);
