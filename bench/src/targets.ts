import type { Summary } from "./report.js";

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
      "`node --cpu-prof` shows module loading: Prism's mocker and Postman reader now load only when needed, but its " +
      "request validator (fp-ts, lodash/fp, ajv) takes about 270 ms here, its OpenAPI reader 170 ms, `yaml` 50 ms.",
  },
  secondStart: { what: "second `startMock()` in the process / the first start", rule: "≤", limit: 0.05, unit: "x" },
  handlers: { what: "creating the MSW handlers / the first start", rule: "≤", limit: 0.05, unit: "x" },
  startupRss: {
    what: "RSS after startup / stock Prism's",
    rule: "≤",
    limit: 0.6,
    unit: "x",
    whenMissed:
      "the same modules: Node alone is 39 MiB, Prism's validator adds 30 MiB, the spec reader and `yaml` 11 MiB.",
  },
  throughput: {
    what: "req/s at 10 connections / stock Prism's",
    rule: "≥",
    limit: 5,
    unit: "x",
    whenMissed:
      "a profile under AuthorizeOA load: Prism's request validation (fp-ts, uri-template-lite, type-is) is a third " +
      "of the CPU, the conversion to fetch's Request and Response and back a sixth, the socket write a sixth.",
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
    whenMissed: "of the work in the profile above, the raw server does only the socket write and a `JSON.parse`.",
  },
  soakErrors: { what: "soak: unexpected answers, socket errors, timeouts", rule: "≤", limit: 0, unit: "" },
  soakRss: {
    what: "soak: RSS at the end / its warm level, change",
    rule: "±",
    limit: 10,
    unit: "%",
    whenMissed:
      "no growth in readings over 150 s: past the caps on keys and links (about 20 s in) RSS holds near 230 MiB, " +
      "but the garbage collector now and then gives 10–20% back to the system for longer than a level's readings.",
  },
  clientCpu: {
    what: "client CPU per call / bare openapi-fetch's",
    rule: "≤",
    limit: 1.1,
    unit: "x",
    whenMissed:
      "adding the client's parts one by one to bare openapi-fetch: the capped read (a second stream and Response " +
      "per call) is half the gap, the deadline and the text-then-`JSON.parse` read a fifth each, the spec check 1%.",
  },
  bundle: { what: "client bundle, every operation, brotli (budget from the client's check)", rule: "≤", unit: " B" },
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
