import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { describeMachine } from "./machine.js";
import { parseOptions, type SuiteName } from "./options.js";
import { repoRoot } from "./paths.js";
import { type BenchResults, renderReport } from "./report.js";
import { serverSpecs } from "./servers.js";
import { runClientOverhead } from "./suites/client-overhead.js";
import { runClientSize } from "./suites/client-size.js";
import { runDevLoop } from "./suites/dev-loop.js";
import { runMemory } from "./suites/memory.js";
import { runProfile } from "./suites/profile.js";
import { runStartup } from "./suites/startup.js";
import { runThroughput } from "./suites/throughput.js";

const argv = process.argv.slice(2);
const options = parseOptions(argv, process.env);
const logDir = mkdtempSync(join(tmpdir(), "etelecom-zalo-bench-"));
const specs = serverSpecs(logDir);
const results: BenchResults = {
  machine: describeMachine(),
  options,
  command: ["pnpm bench", ...argv].join(" "),
};
const runs: Record<SuiteName, () => Promise<void>> = {
  throughput: async () => {
    results.throughput = await runThroughput(options, [specs.ours, specs.prism, specs.raw]);
  },
  profile: async () => {
    results.profile = await runProfile(options, specs.ours, mkdtempSync(join(logDir, "cpu-prof-")));
  },
  startup: async () => {
    results.startup = await runStartup(options, [specs.ours, specs.prism]);
  },
  memory: async () => {
    results.memory = await runMemory(options, specs.ours);
  },
  client: async () => {
    results.clientOverhead = await runClientOverhead(options, specs.raw);
  },
  size: async () => {
    results.clientSize = await runClientSize();
  },
  devloop: async () => {
    results.devLoop = await runDevLoop(options, join(logDir, "devloop.log"));
  },
};

console.error(
  `Server and command logs: ${logDir}${options.keepLogs ? "" : " (deleted after a successful run; --keep-logs keeps them)"}`,
);
for (const name of options.only) {
  console.error(`${name}…`);
  // A failing suite leaves the logs in place (the process exits before the cleanup below).
  await runs[name]();
}
if (!options.keepLogs) {
  rmSync(logDir, { recursive: true, force: true });
}
const report = renderReport(results);
console.log(report);
if (options.out !== undefined) {
  const out = resolve(repoRoot, options.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, report);
  console.error(`Wrote ${out}`);
}
