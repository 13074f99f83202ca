import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { type SuiteResult, summarize } from "../report.js";
import { binPath, repoRoot } from "../servers.js";

type Check = { name: string; size: number; sizeLimit?: number };

/** The client's own size check (`size-limit --json`, set in its .size-limit.mjs): the sizes and the budgets. */
export async function runBundle(): Promise<SuiteResult> {
  const client = join(repoRoot, "packages/client");
  const sizeLimit = binPath("size-limit", "size-limit", join(client, "package.json"));
  // Over budget, size-limit prints its sizes, then exits 1: the report then says the target is missed.
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [sizeLimit, "--json"], { cwd: client }).catch(
    (failure: { stdout: string; stderr: string }) => failure,
  );
  const checks = JSON.parse(stdout || "[]") as Check[] | { error: string };
  // In the order of .size-limit.mjs: the client brotli'd, the client minified, openapi-fetch's part minified.
  const [brotli, minified, openapiFetch] = Array.isArray(checks) ? checks : [];
  if (!brotli?.sizeLimit || !minified || !openapiFetch)
    throw new Error(`size-limit printed no sizes:\n${stdout}${stderr}`);
  return {
    title: "Client bundle",
    rows: [
      ["minified", `${minified.size} B, openapi-fetch ${openapiFetch.size} B of it (cap ${minified.sizeLimit} B)`],
      ["brotli", `${brotli.size} B (budget ${brotli.sizeLimit} B)`],
    ],
    figures: [{ target: "bundle", value: summarize([brotli.size]), limit: brotli.sizeLimit }],
  };
}
