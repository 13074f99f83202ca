import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseOptions } from "./options.js";
import { renderReport, type SuiteResult } from "./report.js";
import { repoRoot } from "./servers.js";
import * as clientSuites from "./suites/client.js";
import * as deliverySuites from "./suites/deliveries.js";
import * as loadSuites from "./suites/load.js";
import * as startSuites from "./suites/starts.js";

const argv = process.argv.slice(2);
const options = parseOptions(argv);
const suites = { ...startSuites, ...loadSuites, ...deliverySuites, ...clientSuites };
const started = performance.now();
// The servers' output and intermediate files: kept, and named, when a suite fails.
const logDir = mkdtempSync(join(tmpdir(), "etelecom-zalo-bench-"));
const results: SuiteResult[] = [];
for (const name of options.only) {
  console.error(`${name}…`);
  const failed = (failure: unknown) => {
    console.error(`${name} failed; logs in ${logDir}`);
    throw failure;
  };
  results.push(await suites[name](options, logDir).catch(failed));
}
rmSync(logDir, { recursive: true, force: true });
const command = ["pnpm bench", ...argv].join(" ");
const report = renderReport(command, options, (performance.now() - started) / 60_000, results);
console.log(report);
if (options.out !== undefined) {
  writeFileSync(resolve(repoRoot, options.out), report);
  console.error(`Wrote ${options.out}`);
}
