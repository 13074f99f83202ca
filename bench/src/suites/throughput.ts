import { type LoadResult, load } from "../load.js";
import type { Options } from "../options.js";
import { ratios, type SuiteResult, spread, summarize } from "../report.js";
import { authorize, type BenchRequest, headersFor, issueCodes, OPERATIONS, writeFixtures } from "../requests.js";
import { SERVERS, type Server, startServer } from "../servers.js";

/** Every operation on our mock (with state) and on stock Prism (its examples), and AuthorizeOA on the raw ceiling. */
export async function runThroughput(options: Options, logDir: string): Promise<SuiteResult> {
  const cases: [keyof typeof SERVERS, BenchRequest][] = OPERATIONS.flatMap((request) => [
    ["ours", request],
    ["prism", request],
  ]);
  cases.push(["raw", authorize]);
  const runs = new Map(cases.map(([server, { name }]) => [`${name}, ${SERVERS[server].label}`, [] as LoadResult[]]));
  const servers: Partial<Record<keyof typeof SERVERS, Server>> = {};
  try {
    servers.ours = await startServer("ours", logDir, ["--fixtures", writeFixtures(logDir)]);
    servers.prism = await startServer("prism", logDir);
    servers.raw = await startServer("raw", logDir);
    for (let round = 0; round <= options.rounds; round++) {
      // Round 0 warms every server up; then each case in turn, round by round, so that noise spreads alike.
      for (const [name, request] of cases) {
        const { origin, assertAlive } = servers[name] as Server;
        let result: LoadResult;
        if (name === "ours" && request.name === "ConnectOA") {
          // A code connects once: issue them first, then send each once (one sent twice would count as unexpected).
          const issued = await issueCodes(origin, round ? options.codes : 100);
          const vary = () => {
            const { key, body } = issued.shift() ?? { key: "", body: "" };
            return { headers: headersFor(key), body };
          };
          result = await load(origin, request, 10, { requests: round ? options.codes : 100 }, vary);
        } else {
          result = await load(origin, request, 10, round ? { seconds: options.duration } : { requests: 1000 });
        }
        assertAlive();
        if (round) runs.get(`${request.name}, ${SERVERS[name].label}`)?.push(result);
        console.error(`  ${round} ${request.name} ${name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99Ms} ms`);
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
  const of = (name: string, server: keyof typeof SERVERS, value: (run: LoadResult) => number) =>
    (runs.get(`${name}, ${SERVERS[server].label}`) ?? []).map(value);
  const [rps, p99] = [(run: LoadResult) => run.rps, (run: LoadResult) => run.p99Ms];
  const p99s = OPERATIONS.map(({ name }) => ({ subject: name, value: summarize(of(name, "ours", p99)) }));
  return {
    title: "Throughput at 10 connections",
    rows: [...runs].map(([label, results]) => {
      const unexpected = results.reduce((sum, run) => sum + run.unexpected, 0);
      const latency = spread(results.map(p99), 0, " ms");
      return [label, `${spread(results.map(rps), 0, " req/s")}, p99 ${latency}, ${unexpected} unexpected`];
    }),
    figures: [
      ...OPERATIONS.map(({ name }) => ({
        target: "throughput" as const,
        subject: name,
        value: ratios(of(name, "ours", rps), of(name, "prism", rps)),
      })),
      { target: "p99", ...p99s.sort((a, b) => b.value.median - a.value.median)[0] },
      { target: "ceiling", value: ratios(of("AuthorizeOA", "ours", rps), of("AuthorizeOA", "raw", rps)) },
    ],
  };
}
