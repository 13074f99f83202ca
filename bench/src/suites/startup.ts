import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import type { Options } from "../options.js";
import { mib, ratios, type SuiteResult, spread } from "../report.js";
import { repoRoot, startServer } from "../servers.js";

type InProcess = { firstMs: number; secondMs: number; importMs?: number; handlersMs?: number; missing?: string };

/** Spawn to first 200 and RSS then, ours and stock Prism alternately; then in-process starts, in a new process each. */
export async function runStartup(options: Options, logDir: string): Promise<SuiteResult> {
  const ms = { ours: [] as number[], prism: [] as number[] };
  const rss = { ours: [] as number[], prism: [] as number[] };
  const inside: InProcess[] = [];
  for (let run = 0; run < options.starts; run++) {
    for (const name of run % 2 ? (["prism", "ours"] as const) : (["ours", "prism"] as const)) {
      const server = await startServer(name, logDir);
      ms[name].push(server.startupMs);
      rss[name].push(server.rss());
      await server.stop();
    }
    const script = fileURLToPath(new URL("../in-process.js", import.meta.url));
    inside.push(JSON.parse((await promisify(execFile)(process.execPath, [script], { cwd: repoRoot })).stdout));
    console.error(`  start ${run + 1}: ours ${ms.ours.at(-1)?.toFixed(0)} ms, prism ${ms.prism.at(-1)?.toFixed(0)} ms`);
  }
  const [first, second] = [inside.map((run) => run.firstMs), inside.map((run) => run.secondMs)];
  const [imports, handlers] = [
    inside.flatMap((run) => run.importMs ?? []),
    inside.flatMap((run) => run.handlersMs ?? []),
  ];
  const missing = inside.find((run) => run.missing)?.missing;
  return {
    title: "Startup",
    rows: [
      ["our mock: spawn to first 200, RSS then", `${spread(ms.ours, 0, " ms")}, ${mib(rss.ours)}`],
      ["stock Prism: spawn to first 200, RSS then", `${spread(ms.prism, 0, " ms")}, ${mib(rss.prism)}`],
      ["in-process: first start, second start", `${spread(first, 0, " ms")}, ${spread(second, 2, " ms")}`],
      [
        "in-process: import of `@etelecom-zalo/mock/msw`, creating the handlers",
        missing ? `not available (${missing})` : `${spread(imports, 1, " ms")}, ${spread(handlers, 2, " ms")}`,
      ],
    ],
    figures: [
      { target: "startup", value: ratios(ms.ours, ms.prism) },
      { target: "startupRss", value: ratios(rss.ours, rss.prism) },
      { target: "secondStart", value: ratios(second, first) },
      missing
        ? { target: "handlers", note: `not measured: handlers not available (${missing})` }
        : { target: "handlers", value: ratios(handlers, first) },
    ],
  };
}
