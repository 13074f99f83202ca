import { spawn } from "node:child_process";
import { once } from "node:events";
import { openSync } from "node:fs";
import { performance } from "node:perf_hooks";
import type { BenchOptions } from "../options.js";
import { repoRoot } from "../paths.js";

/** Wall times of one developer command. */
export interface DevLoopResult {
  label: string;
  command: string;
  millis: number[];
  /** Exit codes that were not 0: a failing command's time means little. */
  failures: number[];
}

/** Times `pnpm test` and `pnpm generate` without turbo's cache (cold: what an edit costs) and with it (warm). */
export async function runDevLoop(options: BenchOptions, logFile: string): Promise<DevLoopResult[]> {
  const commands = [
    { label: "pnpm test, cold (no turbo cache)", args: ["test", "--force"], runs: 1 },
    { label: "pnpm test, warm (no change)", args: ["test"], runs: options.devloopRuns },
    { label: "pnpm generate, cold (regenerates)", args: ["generate", "--force"], runs: options.devloopRuns },
    { label: "pnpm generate, warm (no change)", args: ["generate"], runs: options.devloopRuns },
  ];
  const results: DevLoopResult[] = [];
  for (const { label, args, runs } of commands) {
    const result: DevLoopResult = { label, command: `pnpm ${args.join(" ")}`, millis: [], failures: [] };
    for (let run = 0; run < runs; run++) {
      const log = openSync(logFile, "a");
      const started = performance.now();
      const child = spawn("pnpm", args, { cwd: repoRoot, stdio: ["ignore", log, log] });
      const [code] = (await once(child, "exit")) as [number | null];
      result.millis.push(performance.now() - started);
      if (code !== 0) {
        result.failures.push(code ?? -1);
      }
      console.error(`  ${result.command}: ${Math.round(performance.now() - started)} ms (exit ${code})`);
    }
    results.push(result);
  }
  return results;
}
