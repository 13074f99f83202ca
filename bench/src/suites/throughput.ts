import { type LoadResult, load } from "../load.js";
import type { BenchOptions } from "../options.js";
import { type BenchRequest, invalidBody, noAuth, valid } from "../requests.js";
import { type ServerProcess, type ServerSpec, startServer } from "../server-process.js";

/** One row of the throughput matrix: a request at a connection count. */
export interface ThroughputCase {
  request: BenchRequest;
  connections: number;
  /** Per server label, one result per round. */
  results: Record<string, LoadResult[]>;
}

/** Loads every server with every case, interleaved round by round so that noise spreads evenly. */
export async function runThroughput(options: BenchOptions, specs: ServerSpec[]): Promise<ThroughputCase[]> {
  const empty = () => Object.fromEntries(specs.map((spec) => [spec.label, [] as LoadResult[]]));
  const cases: ThroughputCase[] = [
    ...options.connections.map((connections) => ({ request: valid, connections, results: empty() })),
    { request: invalidBody, connections: 10, results: empty() },
    { request: noAuth, connections: 10, results: empty() },
  ];
  const servers: ServerProcess[] = [];
  try {
    for (const spec of specs) {
      servers.push(await startServer(spec, valid));
    }
    for (const server of servers) {
      await load(server.origin, valid, 10, { durationSeconds: 1 });
      server.assertAlive();
    }
    for (let round = 1; round <= options.rounds; round++) {
      for (const benchCase of cases) {
        for (const server of servers) {
          const result = await load(server.origin, benchCase.request, benchCase.connections, {
            durationSeconds: options.durationSeconds,
          });
          server.assertAlive();
          benchCase.results[server.label]?.push(result);
          console.error(
            `  round ${round} ${benchCase.request.name} c=${benchCase.connections} ${server.label}: ` +
              `${Math.round(result.requestsPerSecond)} req/s, p99 ${result.p99Ms} ms` +
              (result.unexpected > 0
                ? `, ${result.unexpected} unexpected (statuses ${JSON.stringify(result.statuses)}, ${result.errors} socket errors/timeouts)`
                : ""),
          );
        }
      }
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
  return cases;
}
