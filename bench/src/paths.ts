import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** The monorepo root (bench/dist/.. /..). */
export const repoRoot = fileURLToPath(new URL("../../", import.meta.url));

/** The compiled entry points of this package, run as child processes. */
export const distDir = dirname(fileURLToPath(import.meta.url));

/** Our mock's CLI, exactly what `pnpm start` runs. */
export const mockCli = join(repoRoot, "apps/mock/dist/cli.js");

/** The spec, relative to the repo root as a developer would pass it to `prism mock`. */
export const specArgument = "openapi/openapi.yaml";

/** Absolute path of the JS file behind a package's bin (spawned with `node` to skip the shell shim). */
export function binPath(packageName: string, binName: string): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === "string" ? manifest.bin : manifest.bin?.[binName];
  if (bin === undefined) {
    throw new Error(`${packageName} has no bin named ${binName}`);
  }
  return join(dirname(manifestPath), bin);
}
