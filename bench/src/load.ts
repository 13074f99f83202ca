import autocannon from "autocannon";
import type { BenchRequest } from "./requests.js";

/** What one autocannon run measured; `unexpected` counts answers other than 200, socket errors and timeouts. */
export type LoadResult = { rps: number; p99Ms: number; requests: number; unexpected: number };

/**
 * Loads `origin` with `request` over `connections` keep-alive connections for some seconds or requests, from this
 * process (whose event loop has nothing else to do meanwhile). `vary` gives each request its own headers and body.
 */
export async function load(
  origin: string,
  { path, headers, body }: BenchRequest,
  connections: number,
  amount: { seconds: number } | { requests: number },
  vary?: () => { headers: Record<string, string>; body: string },
): Promise<LoadResult> {
  const result = await autocannon({
    url: origin,
    connections,
    // autocannon notices the end of a run only at a sample: every 10 ms, not every second, so that a run of a number
    // of requests gets its real duration.
    sampleInt: 10,
    ...("seconds" in amount ? { duration: amount.seconds } : { amount: amount.requests }),
    requests: [
      { method: "POST", path, headers, body, ...(vary && { setupRequest: (sent) => ({ ...sent, ...vary() }) }) },
    ],
  });
  const counts: Record<string, { count?: number }> = result.statusCodeStats ?? {};
  const requests = Object.values(counts).reduce((sum, { count = 0 }) => sum + count, 0);
  const ok = counts["200"]?.count ?? 0;
  const unexpected = requests - ok + result.errors + result.timeouts;
  return { rps: requests / result.duration, p99Ms: result.latency.p99, requests, unexpected };
}
