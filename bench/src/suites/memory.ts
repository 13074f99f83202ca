import { load } from "../load.js";
import type { BenchOptions } from "../options.js";
import { valid } from "../requests.js";
import { type ServerSpec, startServer } from "../server-process.js";

/** RSS of one mock process at three points of its life. */
export interface MemoryResult {
  label: string;
  afterStartupBytes: number;
  /** After a tenth of the requests: the heap has grown to its working size by then. */
  afterWarmupBytes: number;
  afterAllBytes: number;
  warmupRequests: number;
  requests: number;
}

/** Sends `options.memoryRequests` valid calls at 10 connections and reads VmRSS before, during and after. */
export async function runMemory(options: BenchOptions, spec: ServerSpec): Promise<MemoryResult> {
  const server = await startServer(spec, valid);
  try {
    const afterStartupBytes = await server.rss();
    const warmupRequests = Math.max(1, Math.round(options.memoryRequests / 10));
    await load(server.origin, valid, 10, { requests: warmupRequests });
    server.assertAlive();
    const afterWarmupBytes = await server.rss();
    await load(server.origin, valid, 10, { requests: options.memoryRequests - warmupRequests });
    server.assertAlive();
    const afterAllBytes = await server.rss();
    return {
      label: spec.label,
      afterStartupBytes,
      afterWarmupBytes,
      afterAllBytes,
      warmupRequests,
      requests: options.memoryRequests,
    };
  } finally {
    await server.stop();
  }
}
