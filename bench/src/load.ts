import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { binPath } from "./paths.js";
import type { BenchRequest } from "./requests.js";

const run = promisify(execFile);
const autocannon = binPath("autocannon", "autocannon");

/** What one autocannon run measured. */
export interface LoadResult {
  requestsPerSecond: number;
  /** Mean latency: autocannon's percentiles have a 1 ms resolution, the mean does not. */
  meanMs: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Responses whose status was not the expected one, plus socket errors and timeouts. */
  unexpected: number;
  /** Count per status code, and socket errors and timeouts, for diagnosing `unexpected`. */
  statuses: Record<string, number>;
  errors: number;
}

/** How long or how much to load a server. */
export type LoadAmount = { durationSeconds: number } | { requests: number };

interface AutocannonJson {
  requests: { average: number; total: number };
  latency: { mean: number; p50: number; p99: number };
  duration: number;
  errors: number;
  timeouts: number;
  statusCodeStats: Record<string, { count: number }>;
}

/** Runs autocannon in its own process (so the load generator never shares an event loop with the bench). */
export async function load(
  origin: string,
  request: BenchRequest,
  connections: number,
  amount: LoadAmount,
): Promise<LoadResult> {
  const args = [autocannon, "--json", "--no-progress", "-c", String(connections), "-m", "POST", "-b", request.body];
  for (const [name, value] of Object.entries(request.headers)) {
    args.push("-H", `${name}=${value}`);
  }
  if ("requests" in amount) {
    args.push("-a", String(amount.requests));
  } else {
    args.push("-d", String(amount.durationSeconds));
  }
  args.push(origin + request.path);
  const { stdout } = await run(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as AutocannonJson;
  const total = result.requests.total;
  const expected = result.statusCodeStats[String(request.expectedStatus)]?.count ?? 0;
  return {
    requestsPerSecond: total / result.duration,
    meanMs: result.latency.mean,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: total,
    unexpected: total - expected + result.errors + result.timeouts,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, count])),
    errors: result.errors + result.timeouts,
  };
}
