import { parseArgs } from "node:util";

/** The benchmark suites, in the order they run. */
export const suiteNames = ["throughput", "profile", "startup", "memory", "client", "size", "devloop"] as const;

/** One benchmark suite. */
export type SuiteName = (typeof suiteNames)[number];

/** How much work each suite does; every field has a flag and an environment variable. */
export interface BenchOptions {
  /** Rounds of the throughput matrix; every number is the median over rounds. */
  rounds: number;
  /** Seconds per autocannon run. */
  durationSeconds: number;
  /** Connection counts for the valid call. */
  connections: number[];
  /** Process starts per server in the startup suite. */
  startups: number;
  /** Requests sent to the mock between the two memory readings. */
  memoryRequests: number;
  /** Calls per round in the client-overhead suite (sequential, and again 50 at a time). */
  clientCalls: number;
  /** Runs of each warm `pnpm test` and of `pnpm generate`; cold `pnpm test` runs once per round of this. */
  devloopRuns: number;
  /** Which suites to run. */
  only: SuiteName[];
  /** Where the Markdown report goes; `undefined` prints it only. */
  out: string | undefined;
  quick: boolean;
  /** Keep the server logs and the CPU profile (their folder is printed) instead of deleting them. */
  keepLogs: boolean;
}

const usage = `Usage: pnpm bench [--quick] [--only throughput,profile,startup,memory,client,size,devloop] [--out FILE | --no-write] [--keep-logs]
  --rounds N            BENCH_ROUNDS            throughput rounds (default 3, quick 1)
  --duration S          BENCH_DURATION          seconds per autocannon run (default 3, quick 1)
  --connections 1,10,50 BENCH_CONNECTIONS       connection counts for the valid call
  --startups N          BENCH_STARTUPS          process starts per server (default 5, quick 2)
  --memory-requests N   BENCH_MEMORY_REQUESTS   requests between the memory readings (default 100000, quick 5000)
  --client-calls N      BENCH_CLIENT_CALLS      calls per client-overhead round (default 3000, quick 200)
  --devloop-runs N      BENCH_DEVLOOP_RUNS      runs of warm pnpm test and of pnpm generate (default 3, quick 1; cold pnpm test runs once)
--quick skips the profile and developer-loop suites and does not write docs/benchmarks.md unless --out is given.`;

/** Reads flags, then environment variables, then the defaults (smaller with `--quick`). */
export function parseOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean", default: false },
      rounds: { type: "string" },
      duration: { type: "string" },
      connections: { type: "string" },
      startups: { type: "string" },
      "memory-requests": { type: "string" },
      "client-calls": { type: "string" },
      "devloop-runs": { type: "string" },
      only: { type: "string" },
      out: { type: "string" },
      "no-write": { type: "boolean", default: false },
      "keep-logs": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const quick = values.quick === true;
  const count = (flag: string | undefined, name: string, normal: number, small: number) =>
    positiveInteger(flag ?? env[name], name, quick ? small : normal);
  const only = (values.only ?? env.BENCH_ONLY)?.split(",").map((name) => name.trim());
  for (const name of only ?? []) {
    if (!(suiteNames as readonly string[]).includes(name)) {
      throw new Error(`unknown suite ${JSON.stringify(name)}; expected one of ${suiteNames.join(", ")}\n${usage}`);
    }
  }
  const connections = (values.connections ?? env.BENCH_CONNECTIONS ?? "1,10,50")
    .split(",")
    .map((value) => positiveInteger(value, "connections", 0));
  const defaultOut = quick ? undefined : "docs/benchmarks.md";
  return {
    rounds: count(values.rounds, "BENCH_ROUNDS", 3, 1),
    durationSeconds: count(values.duration, "BENCH_DURATION", 3, 1),
    connections,
    startups: count(values.startups, "BENCH_STARTUPS", 5, 2),
    memoryRequests: count(values["memory-requests"], "BENCH_MEMORY_REQUESTS", 100_000, 5_000),
    clientCalls: count(values["client-calls"], "BENCH_CLIENT_CALLS", 3_000, 200),
    devloopRuns: count(values["devloop-runs"], "BENCH_DEVLOOP_RUNS", 3, 1),
    only:
      (only as SuiteName[] | undefined) ??
      suiteNames.filter((name) => !(quick && (name === "devloop" || name === "profile"))),
    out: values["no-write"] ? undefined : (values.out ?? env.BENCH_OUT ?? defaultOut),
    quick,
    keepLogs: values["keep-logs"] === true || env.BENCH_KEEP_LOGS === "1",
  };
}

function positiveInteger(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined || raw === "") {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got ${JSON.stringify(raw)}\n${usage}`);
  }
  return value;
}
