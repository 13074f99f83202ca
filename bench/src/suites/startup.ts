import type { BenchOptions } from "../options.js";
import { valid } from "../requests.js";
import { type ServerSpec, startServer } from "../server-process.js";

/** Startup times and RSS right after startup, per server label. */
export interface StartupResult {
  label: string;
  startupMs: number[];
  rssBytes: number[];
}

/** Starts each server `options.startups` times, alternating, until it answers a valid call. */
export async function runStartup(options: BenchOptions, specs: ServerSpec[]): Promise<StartupResult[]> {
  const results = specs.map((spec) => ({ label: spec.label, startupMs: [] as number[], rssBytes: [] as number[] }));
  for (let run = 0; run < options.startups; run++) {
    for (const [index, spec] of specs.entries()) {
      const server = await startServer(spec, valid);
      const rss = await server.rss();
      await server.stop();
      const result = results[index] as StartupResult;
      result.startupMs.push(server.startupMs);
      result.rssBytes.push(rss);
      console.error(`  start ${run + 1} ${spec.label}: ${Math.round(server.startupMs)} ms`);
    }
  }
  return results;
}
