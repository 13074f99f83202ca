import { findOperation } from "@etelecom-zalo/openapi";
import type { Options } from "../options.js";
import { mib, ratios, type SuiteResult, spread, summarize } from "../report.js";
import {
  authorize,
  headersFor,
  issueCodes,
  JSON_TYPE,
  type LoadResult,
  load,
  OPERATIONS,
  writeFixtures,
} from "../requests.js";
import { SERVERS, type Server, startServer } from "../servers.js";
import { prepare, SHOPS, shopKey } from "../stateful.js";

/** `POST /__reset {"all": true}`: every shop back to its fixtures. */
async function resetAll(origin: string) {
  const response = await fetch(`${origin}/__reset`, { method: "POST", headers: JSON_TYPE, body: '{"all": true}' });
  if (!response.ok) throw new Error(`POST /__reset answered ${response.status}`);
}

type Name = keyof typeof SERVERS;
const label = (server: Name, name: string) => `${name}, ${SERVERS[server].label}`;

/** Every operation on our mock (with state) and on stock Prism (its examples), and AuthorizeOA on the raw ceiling. */
export async function throughput(options: Options, logDir: string): Promise<SuiteResult> {
  const pairs = OPERATIONS.flatMap((request) => [["ours", request] as const, ["prism", request] as const]);
  const cases = [...pairs, ["raw", authorize] as const];
  const runs = new Map(cases.map(([server, { name }]) => [label(server, name), [] as LoadResult[]]));
  const servers: Partial<Record<Name, Server>> = {};
  try {
    // Fixtures of 20 OAs (a page, as ListOA's example asks), the first the one the spec's examples name, for each
    // of the shops that the calls which change state are spread over.
    const first = BigInt((findOperation("GetShopOA").requestExample as { oa_id: string }).oa_id);
    const keys = Array.from({ length: SHOPS }, (_, n) => shopKey(n));
    const fixtures = writeFixtures(logDir, "page", keys, 20, first, true);
    servers.ours = await startServer("ours", logDir, ["--fixtures", fixtures]);
    servers.prism = await startServer("prism", logDir);
    servers.raw = await startServer("raw", logDir);
    for (let round = 0; round <= options.rounds; round++) {
      // Round 0 warms every server up; then each case in turn, round by round, so that noise spreads alike.
      for (const [name, request] of cases) {
        const { origin, assertAlive } = servers[name] as Server;
        const [connect, codes] = [name === "ours" && request.name === "ConnectOA", round ? options.codes : 100];
        // Each case of ours starts from the fixtures alone, so that what an earlier one made (replies, quota used,
        // subscriptions) cannot refuse this one's requests.
        if (name === "ours") await resetAll(origin);
        // A code connects once: issue them first, then send each once (one sent twice would count as unexpected).
        const prepared = connect
          ? { vary: await issueCodes(origin, codes), requests: codes }
          : name === "ours"
            ? await prepare(origin, request)
            : undefined;
        const length = prepared?.requests
          ? { requests: round ? prepared.requests : Math.min(1000, prepared.requests) }
          : round
            ? { seconds: options.duration }
            : { requests: 1000 };
        const result = await load(origin, request, { connections: 10, vary: prepared?.vary, ...length });
        assertAlive();
        if (round) runs.get(label(name, request.name))?.push(result);
        console.error(`  ${round} ${request.name} ${name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99Ms} ms`);
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
  const of = (name: string, server: Name) => runs.get(label(server, name)) ?? [];
  const rps = (name: string, server: Name) => of(name, server).map((run) => run.rps);
  const speedup = (name: string, than: Name) => ratios(rps(name, "ours"), rps(name, than));
  const vsPrism = (subject: string) => ({ target: "throughput" as const, subject, value: speedup(subject, "prism") });
  const p99 = (name: string) => summarize(of(name, "ours").map((run) => run.p99Ms));
  const worst = OPERATIONS.map(({ name }) => name).reduce((a, b) => (p99(b).median > p99(a).median ? b : a));
  return {
    title: "Throughput at 10 connections",
    rows: [...runs].map(([label, results]) => {
      const unexpected = results.reduce((sum, run) => sum + run.unexpected, 0);
      const [perSecond, p99s] = [results.map((run) => run.rps), results.map((run) => run.p99Ms)];
      return [label, `${spread(perSecond, 0, " req/s")}, p99 ${spread(p99s, 0, " ms")}, ${unexpected} unexpected`];
    }),
    figures: [
      ...OPERATIONS.map(({ name }) => vsPrism(name)),
      { target: "p99", subject: worst, value: p99(worst) },
      { target: "ceiling", value: speedup("AuthorizeOA", "raw") },
    ],
  };
}

/** A level of RSS is the median of the last this many readings (one a second) of a phase. */
const LEVEL = 15;

/**
 * AuthorizeOA at 50 connections with a new key on every request, so that every call makes a key's state and a
 * consent link: a warm-up, past the mock's caps on keys and links, then the soak. RSS swings with the garbage
 * collector, so a level is a median of several readings.
 */
export async function soak(options: Options, logDir: string): Promise<SuiteResult> {
  const server = await startServer("ours", logDir);
  const startup = server.rss();
  const readings: number[] = [];
  const timer = setInterval(() => readings.push(server.rss()), 1000);
  let keys = 0;
  const vary = () => ({ headers: headersFor(`soak-${keys++}`), body: authorize.body });
  try {
    const warm = await load(server.origin, authorize, { connections: 50, seconds: options.warmup, vary });
    const warmLevel = readings.splice(0).slice(-LEVEL);
    const soak = await load(server.origin, authorize, { connections: 50, seconds: options.soak, vary });
    server.assertAlive();
    const endLevel = readings.slice(-LEVEL);
    const phase = ({ requests, rps, p99Ms, unexpected }: LoadResult) =>
      `${requests} requests (${rps.toFixed(0)}/s), p99 ${p99Ms} ms, ${unexpected} unexpected`;
    const change = (summarize(endLevel).median / summarize(warmLevel).median - 1) * 100;
    return {
      title: "State under load",
      rows: [
        ["warm-up", phase(warm)],
        ["soak", phase(soak)],
        ["RSS after startup, warm level", `${mib([startup])}, ${mib(warmLevel)}`],
        ["RSS over the soak, level at its end", `${mib(readings)}, ${mib(endLevel)}`],
      ],
      figures: [
        { target: "soakErrors", value: summarize([warm.unexpected + soak.unexpected]) },
        { target: "soakRss", value: summarize([change]) },
      ],
    };
  } finally {
    clearInterval(timer);
    await server.stop();
  }
}
