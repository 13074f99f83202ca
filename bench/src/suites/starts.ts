import { fileURLToPath } from "node:url";
import type { Options } from "../options.js";
import { mib, ratios, type SuiteResult, spread } from "../report.js";
import { headersFor, JSON_TYPE, send, writeFixtures } from "../requests.js";
import { repoRoot, runNode, type Starts, startServer } from "../servers.js";

/** `spawn to first 200, RSS then` of a server's starts. */
const startRow = ({ ms, rss }: Starts) => `${spread(ms, 0, " ms")}, ${mib(rss)}`;
const noStarts = (): Starts => ({ ms: [], rss: [] });

/** Spawn to first 200 and RSS then, ours and stock Prism alternately; then in-process starts, in a new process each. */
export async function startup(options: Options, logDir: string): Promise<SuiteResult> {
  const starts = { ours: noStarts(), prism: noStarts() };
  const inside: Record<"firstMs" | "secondMs" | "importMs" | "handlersMs", number>[] = [];
  for (let run = 0; run < options.starts; run++) {
    for (const name of run % 2 ? (["prism", "ours"] as const) : (["ours", "prism"] as const)) {
      await (await startServer(name, logDir, [], starts[name])).stop();
    }
    const script = fileURLToPath(new URL("../in-process.js", import.meta.url));
    inside.push(JSON.parse((await runNode([script], repoRoot)).stdout));
    const [ours, prism] = [starts.ours.ms.at(-1)?.toFixed(0), starts.prism.ms.at(-1)?.toFixed(0)];
    console.error(`  start ${run + 1}: ours ${ours} ms, prism ${prism} ms`);
  }
  const of = (key: keyof (typeof inside)[number]) => inside.map((run) => run[key]);
  const [first, second] = [of("firstMs"), of("secondMs")];
  const msw = `${spread(of("importMs"), 1, " ms")}, ${spread(of("handlersMs"), 2, " ms")}`;
  return {
    title: "Startup",
    rows: [
      ["our mock: spawn to first 200, RSS then", startRow(starts.ours)],
      ["stock Prism: spawn to first 200, RSS then", startRow(starts.prism)],
      ["in-process: first start, second start", `${spread(first, 0, " ms")}, ${spread(second, 2, " ms")}`],
      ["in-process: import of `@etelecom-zalo/mock/msw`, creating the handlers", msw],
    ],
    figures: [
      { target: "startup", value: ratios(starts.ours.ms, starts.prism.ms) },
      { target: "startupRss", value: ratios(starts.ours.rss, starts.prism.rss) },
      { target: "secondStart", value: ratios(second, first) },
      { target: "handlers", value: ratios(of("handlersMs"), first) },
    ],
  };
}

/** The documented caps for fixtures: 10,000 keys, here with 100 OAs each (a tenth of a key's cap, the case). */
const KEYS = 10_000;
const OAS = 100;

/**
 * Fixtures at the caps: spawn to first 200 and RSS against a start without fixtures, alternately; then, on the
 * loaded mock, a key's first call (its 100 OAs restored) and a reset of every key, each against a ListOA of a key
 * already in use, sent side by side.
 */
export async function fixtures(options: Options, logDir: string): Promise<SuiteResult> {
  const keys = Array.from({ length: KEYS }, (_, key) => `key-${key}`);
  const file = writeFixtures(logDir, "caps", keys, OAS, 1_000_000_000_000_000_000n);
  const [loaded, empty, first, reset, warm] = [noStarts(), noStarts(), [] as number[], [] as number[], [] as number[]];
  for (let run = 0; run < options.starts; run++) {
    await (await startServer("ours", logDir, [], empty)).stop();
    const { origin, stop } = await startServer("ours", logDir, ["--fixtures", file], loaded);
    const timed = async (path: string, headers: Record<string, string>, body: string) => {
      const { status, ms } = await send(origin, { path, headers, body });
      if (status !== 200) throw new Error(`${path} answered ${status}`);
      return ms;
    };
    const list = (key: string) => timed("/v1/shop.Zalo/ListOA", headersFor(key), "{}");
    await list("key-0");
    warm.push(await list("key-0"));
    first.push(await list(`key-${run + 1}`));
    reset.push(await timed("/__reset", JSON_TYPE, '{"all": true}'));
    await stop();
    const [withMs, withoutMs] = [loaded.ms.at(-1)?.toFixed(0), empty.ms.at(-1)?.toFixed(0)];
    console.error(`  start ${run + 1}: with fixtures ${withMs} ms, without ${withoutMs} ms`);
  }
  const lists = `${spread(first, 1, " ms")}, ${spread(warm, 1, " ms")}`;
  return {
    title: `Fixtures at the caps (${KEYS.toLocaleString("en")} keys × ${OAS} OAs)`,
    rows: [
      ["our mock with the fixtures: spawn to first 200, RSS then", startRow(loaded)],
      ["our mock without fixtures: spawn to first 200, RSS then", startRow(empty)],
      ["a fixture key's first ListOA (its OAs restored), a key in use's ListOA", lists],
      ['`POST /__reset {"all": true}` of the loaded mock', spread(reset, 1, " ms")],
    ],
    figures: [
      { target: "fixturesStartup", value: ratios(loaded.ms, empty.ms) },
      { target: "fixturesReset", value: ratios(reset, warm) },
    ],
  };
}
