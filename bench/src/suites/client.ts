import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Options } from "../options.js";
import { ratios, type SuiteResult, spread, summarize } from "../report.js";
import { binPath, repoRoot, runNode, startServer } from "../servers.js";

type VitestJson = { files: { groups: { benchmarks: { name: string; mean: number }[] }[] }[] };
type SizeCheck = { name: string; size: number; sizeLimit?: number };
type Output = { stdout: string; stderr: string };

/** CPU per AuthorizeOA call through the client, bare openapi-fetch and hand-written fetch: a `vitest bench` a round. */
export async function client(options: Options, logDir: string): Promise<SuiteResult> {
  const server = await startServer("raw", logDir);
  const micros: Record<string, number[]> = { client: [], "openapi-fetch": [], fetch: [] };
  try {
    for (let round = 0; round < options.rounds; round++) {
      const out = join(logDir, `client-${round}.json`);
      const args = [binPath("vitest", "vitest"), "bench", "--run", "--outputJson", out, "src/client.bench.ts"];
      const env = { BENCH_ORIGIN: server.origin, BENCH_ROUND: `${round}`, BENCH_CLIENT_MS: `${options["client-ms"]}` };
      await runNode(args, join(repoRoot, "bench"), { ...process.env, ...env });
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

/** The client's own size check (`size-limit --json`, set in its .size-limit.mjs): the sizes and the budgets. */
export async function bundle(): Promise<SuiteResult> {
  const cwd = join(repoRoot, "packages/client");
  const sizeLimit = binPath("size-limit", "size-limit", join(cwd, "package.json"));
  // Over budget, size-limit prints its sizes, then exits 1: the report then says the target is missed.
  const { stdout, stderr } = await runNode([sizeLimit, "--json"], cwd).catch((failure: Output) => failure);
  const checks = JSON.parse(stdout || "[]") as SizeCheck[] | { error: string };
  // In the order of .size-limit.mjs: the client brotli'd, the client minified, openapi-fetch's part minified.
  const [brotli, minified, openapiFetch] = Array.isArray(checks) ? checks : [];
  if (!brotli?.sizeLimit || !minified || !openapiFetch) throw new Error(`size-limit failed:\n${stdout}${stderr}`);
  return {
    title: "Client bundle",
    rows: [
      ["minified", `${minified.size} B, openapi-fetch ${openapiFetch.size} B of it (cap ${minified.sizeLimit} B)`],
      ["brotli", `${brotli.size} B (budget ${brotli.sizeLimit} B)`],
    ],
    figures: [{ target: "bundle", value: summarize([brotli.size]), limit: brotli.sizeLimit }],
  };
}
