import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Options } from "../options.js";
import { type SuiteResult, summarize } from "../report.js";
import { repoRoot } from "../servers.js";

type Sizes = Record<"minified" | "brotli" | "openapiFetch" | "brotliBudget" | "minifiedBudget", number>;

/** The client's own bundle check (`check-bundle.mjs --json`): the sizes it measures and the budget it enforces. */
export async function runBundle(_options: Options, _logDir: string): Promise<SuiteResult> {
  const check = [join(repoRoot, "packages/client/scripts/check-bundle.mjs"), "--json"];
  // Over budget, the check prints its sizes, then exits 1: the report then says the target is missed.
  const { stdout, stderr } = await promisify(execFile)(process.execPath, check, {
    cwd: join(repoRoot, "packages/client"),
  }).catch((failure: { stdout: string; stderr: string }) => failure);
  if (!stdout.trim()) throw new Error(`the client's bundle check printed no sizes:\n${stderr}`);
  const sizes = JSON.parse(stdout) as Sizes;
  return {
    title: "Client bundle",
    rows: [
      ["minified", `${sizes.minified} B, openapi-fetch ${sizes.openapiFetch} B of it (cap ${sizes.minifiedBudget} B)`],
      ["brotli", `${sizes.brotli} B (budget ${sizes.brotliBudget} B)`],
    ],
    figures: [{ target: "bundle", value: summarize([sizes.brotli]), limit: sizes.brotliBudget }],
  };
}
