import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import type { Options } from "../options.js";
import { ratios, type SuiteResult, spread, summarize } from "../report.js";
import { binPath, repoRoot, startServer } from "../servers.js";

type VitestJson = { files: { groups: { benchmarks: { name: string; mean: number }[] }[] }[] };

/** CPU per AuthorizeOA call through the client, bare openapi-fetch and hand-written fetch: a `vitest bench` a round. */
export async function runClient(options: Options, logDir: string): Promise<SuiteResult> {
  const server = await startServer("raw", logDir);
  const micros: Record<string, number[]> = { client: [], "openapi-fetch": [], fetch: [] };
  try {
    for (let round = 0; round < options.rounds; round++) {
      const out = join(logDir, `client-${round}.json`);
      const args = [binPath("vitest", "vitest"), "bench", "--run", "--outputJson", out, "src/client.bench.ts"];
      const env = { BENCH_ORIGIN: server.origin, BENCH_ROUND: `${round}`, BENCH_CLIENT_MS: `${options["client-ms"]}` };
      await promisify(execFile)(process.execPath, args, {
        cwd: join(repoRoot, "bench"),
        env: { ...process.env, ...env },
      });
      const { files } = JSON.parse(readFileSync(out, "utf8")) as VitestJson;
      for (const { name, mean } of files.flatMap((file) => file.groups.flatMap((group) => group.benchmarks))) {
        micros[name]?.push(mean * 1000);
      }
      server.assertAlive();
      const last = Object.entries(micros).map(([name, values]) => `${name} ${values.at(-1)?.toFixed(0)} µs`);
      console.error(`  ${round + 1}: ${last.join(", ")}`);
    }
  } finally {
    await server.stop();
  }
  const bare = micros["openapi-fetch"] ?? [];
  return {
    title: "Client CPU per call",
    rows: Object.entries(micros).map(([name, values]) => [
      name,
      `${spread(summarize(values), 1, " µs")}, ${spread(ratios(values, bare), 2, "x")} openapi-fetch's`,
    ]),
    figures: [{ target: "clientCpu", value: ratios(micros.client ?? [], bare) }],
  };
}
