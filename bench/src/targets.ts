/** Median and range of measurements over rounds (defined here, not in report.ts, which imports this file). */
export type Summary = { median: number; min: number; max: number };

/** A target: how a figure of the run must compare with its limit, and what a profile showed when it was missed. */
export interface Target {
  what: string;
  /** `±`: the figure's absolute value at most the limit. */
  rule: "≤" | "≥" | "<" | "±";
  /** Absent when the run reads it from elsewhere (the bundle budget lives in the client's own check). */
  limit?: number;
  unit: string;
  /** What a profile showed, written by hand: the report prints it when the target is missed. */
  whenMissed?: string;
}

/** Every target of `pnpm bench`. */
export const TARGETS = {
  startup: {
    what: "mock startup, spawn to first 200 / stock `prism mock`'s",
    rule: "≤",
    limit: 0.25,
    unit: "x",
    whenMissed:
      "`node --cpu-prof`: the spec and Prism's reading of it come from the build's snapshot, so what is left is " +
      "loading Prism's body validator and what it pulls in (lodash as 196 files, ajv, fp-ts), about 240 ms cold, " +
      "and its first compile of a schema, on the first request, about 100 ms.",
  },
  secondStart: { what: "second `startMock()` in the process / the first start", rule: "≤", limit: 0.05, unit: "x" },
  handlers: { what: "creating the MSW handlers / the first start", rule: "≤", limit: 0.05, unit: "x" },
  startupRss: {
    what: "RSS after startup / stock Prism's",
    rule: "≤",
    limit: 0.6,
    unit: "x",
    whenMissed:
      "the same modules: Node alone is about 40 MiB, Prism's body validator and its dependencies about 30 MiB.",
  },
  throughput: {
    what: "req/s at 10 connections / stock Prism's",
    rule: "≥",
    limit: 5,
    unit: "x",
    whenMissed:
      "the two that miss it do more than Prism: ListOA answers a real page of 20 OAs (about 14 KB), where Prism " +
      "answers its one-OA example, and `node --cpu-prof` puts a third of the mock's CPU in writing it to the socket " +
      "and an eighth in `JSON.stringify`; a ConnectOA run connects a new OA per request, one per code issued just " +
      "before it (2,000 a round), a run short enough that warm-up weighs on it.",
  },
  p99: {
    what: "p99 at 10 connections, worst operation",
    rule: "<",
    limit: 5,
    unit: " ms",
    whenMissed: "it follows throughput: autocannon shares the 2 cores, and 10 connections queue behind each other.",
  },
  ceiling: {
    what: "AuthorizeOA req/s / raw `node:http` ceiling's",
    rule: "≥",
    limit: 0.4,
    unit: "x",
    whenMissed:
      "the raw server writes a fixed string; the mock also parses the body, has Prism validate it, and for " +
      "AuthorizeOA draws a state and hashes a code challenge into a new consent link, every request.",
  },
  soakErrors: { what: "soak: unexpected answers, socket errors, timeouts", rule: "≤", limit: 0, unit: "" },
  soakRss: {
    what: "soak: RSS at the end / its warm level, change",
    rule: "±",
    limit: 10,
    unit: "%",
    whenMissed:
      "no growth in readings over 150 s: past the caps on keys and links (about 20 s in) RSS holds at its level, " +
      "but the garbage collector now and then gives 10–20% back to the system for longer than a level's readings.",
  },
  clientCpu: {
    what: "client CPU per call / bare openapi-fetch's",
    rule: "≤",
    limit: 1.1,
    unit: "x",
    whenMissed:
      "what the client adds to bare openapi-fetch, per call: a timer and an AbortSignal for the deadline, and the " +
      "body read by its own capped reader then `JSON.parse`d and checked, where openapi-fetch calls `response.text()`.",
  },
  bundle: { what: "client bundle, every operation, brotli (budget from the client's check)", rule: "≤", unit: " B" },
  fixturesStartup: {
    what: "startup with fixtures at the caps (10,000 keys × 100 OAs) / without",
    rule: "≤",
    limit: 8,
    unit: "x",
    whenMissed:
      "reading and parsing the 60 MB file and checking a million OAs, one validator call per key, is the floor: " +
      "a key's OAs are completed and stored on its first use, not at startup.",
  },
  fixturesReset: {
    what: "resetting every key of the loaded mock / a ListOA of a key in use",
    rule: "≤",
    limit: 5,
    unit: "x",
  },
} satisfies Record<string, Target>;

/** A figure of the run for a target; without `value` it was not measured, and `note` says why. */
export interface Figure {
  target: keyof typeof TARGETS;
  /** The operation, for a per-operation target. */
  subject?: string;
  value?: Summary;
  /** The limit, for a target that reads it from elsewhere. */
  limit?: number;
  note?: string;
}

/** The figure's limit, and whether its median meets it (undefined when there is nothing to judge). */
export function judge(figure: Figure): { limit: number | undefined; met: boolean | undefined } {
  const { rule, limit = figure.limit }: Target = TARGETS[figure.target];
  const value = figure.value?.median;
  if (limit === undefined || value === undefined || Number.isNaN(value)) return { limit, met: undefined };
  const met = { "≤": value <= limit, "≥": value >= limit, "<": value < limit, "±": Math.abs(value) <= limit }[rule];
  return { limit, met };
}
