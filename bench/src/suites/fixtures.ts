import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Options } from "../options.js";
import { mib, ratios, type SuiteResult, spread } from "../report.js";
import { headersFor } from "../requests.js";
import { startServer } from "../servers.js";

/** The documented caps for fixtures: 10,000 keys, here with 100 OAs each (a tenth of a key's cap, the case). */
const KEYS = 10_000;
const OAS = 100;

/** Writes the fixtures file: OAs with only what is required, as a generated file would have them. */
function writeCapsFixtures(dir: string): string {
  const fixtures: Record<string, { oa: { oa_id: string; name: string; status: string }[] }> = {};
  for (let key = 0; key < KEYS; key++) {
    const oa = Array.from({ length: OAS }, (_, index) => ({
      oa_id: String(1_000_000_000_000_000_000n + BigInt(key * OAS + index)),
      name: `OA ${index}`,
      status: "P",
    }));
    fixtures[`key-${key}`] = { oa };
  }
  const path = join(dir, "caps-fixtures.json");
  writeFileSync(path, JSON.stringify(fixtures));
  return path;
}

/** Milliseconds of one POST, and its status. */
async function timed(origin: string, path: string, headers: Record<string, string>, body: string) {
  const started = performance.now();
  const response = await fetch(origin + path, { method: "POST", headers, body });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
  return performance.now() - started;
}

/**
 * Fixtures at the caps: spawn to first 200 and RSS against a start without fixtures, alternately; then, on the
 * loaded mock, a key's first call (its 100 OAs restored) and a reset of every key, each against a ListOA of a key
 * already in use, sent side by side.
 */
export async function runFixtures(options: Options, logDir: string): Promise<SuiteResult> {
  const file = writeCapsFixtures(logDir);
  const ms = { loaded: [] as number[], empty: [] as number[] };
  const rss = { loaded: [] as number[], empty: [] as number[] };
  const first: number[] = [];
  const reset: number[] = [];
  const warm: number[] = [];
  const list = (key: string) => ["/v1/shop.Zalo/ListOA", headersFor(key), "{}"] as const;
  for (let run = 0; run < options.starts; run++) {
    const empty = await startServer("ours", logDir);
    ms.empty.push(empty.startupMs);
    rss.empty.push(empty.rss());
    await empty.stop();
    const loaded = await startServer("ours", logDir, ["--fixtures", file]);
    ms.loaded.push(loaded.startupMs);
    rss.loaded.push(loaded.rss());
    await timed(loaded.origin, ...list("key-0"));
    warm.push(await timed(loaded.origin, ...list("key-0")));
    first.push(await timed(loaded.origin, ...list(`key-${run + 1}`)));
    const all = { "content-type": "application/json" };
    reset.push(await timed(loaded.origin, "/__reset", all, '{"all": true}'));
    await loaded.stop();
    console.error(
      `  start ${run + 1}: with fixtures ${ms.loaded.at(-1)?.toFixed(0)} ms, without ${ms.empty.at(-1)?.toFixed(0)} ms`,
    );
  }
  return {
    title: `Fixtures at the caps (${KEYS.toLocaleString("en")} keys × ${OAS} OAs)`,
    rows: [
      [
        "our mock with the fixtures: spawn to first 200, RSS then",
        `${spread(ms.loaded, 0, " ms")}, ${mib(rss.loaded)}`,
      ],
      ["our mock without fixtures: spawn to first 200, RSS then", `${spread(ms.empty, 0, " ms")}, ${mib(rss.empty)}`],
      [
        "a fixture key's first ListOA (its OAs restored), a key in use's ListOA",
        `${spread(first, 1, " ms")}, ${spread(warm, 1, " ms")}`,
      ],
      ['`POST /__reset {"all": true}` of the loaded mock', spread(reset, 1, " ms")],
    ],
    figures: [
      { target: "fixturesStartup", value: ratios(ms.loaded, ms.empty) },
      { target: "fixturesReset", value: ratios(reset, warm) },
    ],
  };
}
