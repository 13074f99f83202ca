import { performance } from "node:perf_hooks";
import { createZaloCloudClient, type paths } from "@etelecom-zalo/client";
import createClient from "openapi-fetch";
import type { BenchOptions } from "../options.js";
import { valid, validBody } from "../requests.js";
import { type ServerSpec, startServer } from "../server-process.js";

/** Microseconds per call, one value per round, for each way of calling and each concurrency. */
export interface ClientOverheadResult {
  concurrency: number;
  clientMicros: number[];
  fetchMicros: number[];
  /** openapi-fetch called directly, with no client around it: how much of the overhead is openapi-fetch's own. */
  openapiFetchMicros: number[];
  /** CPU time of the calling process per call: what the client itself costs, and less noisy than wall time. */
  clientCpuMicros: number[];
  fetchCpuMicros: number[];
  openapiFetchCpuMicros: number[];
}

interface Timing {
  wallMicros: number;
  cpuMicros: number;
}

type Call = () => Promise<unknown>;

/** Times `authorizeOA` through our client, through bare openapi-fetch and through a hand-written fetch. */
export async function runClientOverhead(options: BenchOptions, rawSpec: ServerSpec): Promise<ClientOverheadResult[]> {
  const server = await startServer(rawSpec, valid);
  try {
    const client = createZaloCloudClient({ apiKey: "bench-key", scope: "shop", baseUrl: server.origin });
    const viaClient: Call = () => client.authorizeOA(validBody);
    const viaFetch: Call = () => handWritten(server.origin);
    const bare = createClient<paths>({ baseUrl: server.origin, headers: { authorization: "Bearer bench-key" } });
    const viaOpenapiFetch: Call = async () => {
      const { data, response } = await bare.POST("/v1/{scope}.Zalo/AuthorizeOA", {
        params: { path: { scope: "shop" } },
        body: validBody,
      });
      if (!response.ok) throw new Error(`AuthorizeOA failed with ${response.status}`);
      return data;
    };
    const results: ClientOverheadResult[] = [1, 50].map((concurrency) => ({
      concurrency,
      clientMicros: [],
      fetchMicros: [],
      openapiFetchMicros: [],
      clientCpuMicros: [],
      fetchCpuMicros: [],
      openapiFetchCpuMicros: [],
    }));
    await timeCalls(viaClient, options.clientCalls, 1);
    await timeCalls(viaFetch, options.clientCalls, 1);
    await timeCalls(viaOpenapiFetch, options.clientCalls, 1);
    for (let round = 0; round < options.rounds; round++) {
      for (const result of results) {
        // Rotate which goes first so none always runs on a warmer process.
        const order: Array<[Call, number[], number[]]> = [
          [viaClient, result.clientMicros, result.clientCpuMicros],
          [viaFetch, result.fetchMicros, result.fetchCpuMicros],
          [viaOpenapiFetch, result.openapiFetchMicros, result.openapiFetchCpuMicros],
        ];
        const shift = round % order.length;
        for (const [call, wall, cpu] of [...order.slice(shift), ...order.slice(0, shift)]) {
          const timing = await timeCalls(call, options.clientCalls, result.concurrency);
          wall.push(timing.wallMicros);
          cpu.push(timing.cpuMicros);
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

/** Runs `calls` calls with `concurrency` in flight at any time; returns wall and CPU microseconds per call. */
async function timeCalls(call: Call, calls: number, concurrency: number): Promise<Timing> {
  let next = 0;
  const worker = async () => {
    while (next < calls) {
      next++;
      await call();
    }
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  return {
    wallMicros: ((performance.now() - started) * 1000) / calls,
    cpuMicros: (used.user + used.system) / calls,
  };
}
