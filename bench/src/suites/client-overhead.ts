import { performance } from "node:perf_hooks";
import { createZaloCloudClient } from "@etelecom-zalo/client";
import type { BenchOptions } from "../options.js";
import { valid, validBody } from "../requests.js";
import { type ServerSpec, startServer } from "../server-process.js";

/** Microseconds per call, one value per round, for each way of calling and each concurrency. */
export interface ClientOverheadResult {
  concurrency: number;
  clientMicros: number[];
  fetchMicros: number[];
}

type Call = () => Promise<unknown>;

/** Times `authorizeOA` through our client and through a hand-written fetch, against the raw server. */
export async function runClientOverhead(options: BenchOptions, rawSpec: ServerSpec): Promise<ClientOverheadResult[]> {
  const server = await startServer(rawSpec, valid);
  try {
    const client = createZaloCloudClient({ apiKey: "bench-key", scope: "shop", baseUrl: server.origin });
    const viaClient: Call = () => client.authorizeOA(validBody);
    const viaFetch: Call = () => handWritten(server.origin);
    const results = [1, 50].map((concurrency) => ({ concurrency, clientMicros: [] as number[], fetchMicros: [] }));
    await timeCalls(viaClient, options.clientCalls, 1);
    await timeCalls(viaFetch, options.clientCalls, 1);
    for (let round = 0; round < options.rounds; round++) {
      for (const result of results) {
        // Alternate which goes first so neither always runs on a warmer process.
        const order: Array<[Call, number[]]> = [
          [viaClient, result.clientMicros],
          [viaFetch, result.fetchMicros],
        ];
        for (const [call, sink] of round % 2 === 0 ? order : order.reverse()) {
          sink.push(await timeCalls(call, options.clientCalls, result.concurrency));
        }
      }
    }
    return results;
  } finally {
    await server.stop();
  }
}

/** What a careful developer writes without the client: same request, same status check, same parsing. */
async function handWritten(origin: string): Promise<{ url: string }> {
  const response = await fetch(`${origin}/v1/shop.Zalo/AuthorizeOA`, {
    method: "POST",
    headers: { authorization: "Bearer bench-key", "content-type": "application/json" },
    body: JSON.stringify(validBody),
  });
  if (!response.ok) {
    throw new Error(`AuthorizeOA failed with ${response.status}`);
  }
  return (await response.json()) as { url: string };
}

/** Runs `calls` calls with `concurrency` in flight at any time; returns microseconds per call. */
async function timeCalls(call: Call, calls: number, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next++;
      await call();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ((performance.now() - started) * 1000) / calls;
}
