import { readFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import type { Options } from "./options.js";

/** Median and range of measurements over rounds or starts. */
export type Summary = { median: number; min: number; max: number };

/** A target: what a figure must do against its limit (`±`: its absolute value at most the limit), in `unit` ("x" for
 * a ratio); no `limit` when the run reads it from elsewhere (the bundle budget lives in the client's own check). */
export type Target = { what: string; rule: "≤" | "≥" | "<" | "±"; limit?: number; unit?: string };

/** Every target of `pnpm bench`. Where one is missed, the report adds what a profile showed, from when-missed.md. */
export const TARGETS = {
  startup: { what: "mock startup, spawn to first 200 / stock `prism mock`'s", rule: "≤", limit: 0.25 },
  secondStart: { what: "second `startMock()` in the process / the first start", rule: "≤", limit: 0.05 },
  handlers: { what: "creating the MSW handlers / the first start", rule: "≤", limit: 0.05 },
  startupRss: { what: "RSS after startup / stock Prism's", rule: "≤", limit: 0.6 },
  throughput: { what: "req/s at 10 connections / stock Prism's", rule: "≥", limit: 5 },
  p99: { what: "p99 at 10 connections, worst operation", rule: "<", limit: 5, unit: " ms" },
  ceiling: { what: "AuthorizeOA req/s / raw `node:http` ceiling's", rule: "≥", limit: 0.4 },
  soakErrors: { what: "soak: unexpected answers, socket errors, timeouts", rule: "≤", limit: 0, unit: "" },
  soakRss: { what: "soak: RSS at the end / its warm level, change", rule: "±", limit: 10, unit: "%" },
  deliveries: { what: "event deliveries/s to a local receiver / a bare `fetch` loop's", rule: "≥", limit: 0.5 },
  deliveryQueueRss: {
    what: "RSS growth from 1/5 to all events posted to a receiver that never answers",
    rule: "≤",
    limit: 16,
    unit: " MiB",
  },
  clientCpu: { what: "client CPU per call / bare openapi-fetch's", rule: "≤", limit: 1.1 },
  bundle: { what: "client bundle, every operation, brotli (budget from the client's check)", rule: "≤", unit: " B" },
  fixturesStartup: { what: "startup with fixtures at the caps (10,000 keys × 100 OAs) / without", rule: "≤", limit: 8 },
  fixturesReset: { what: "resetting every key of the loaded mock / a ListOA of a key in use", rule: "≤", limit: 5 },
} satisfies Record<string, Target>;

/** A figure of the run for a target (`subject`: the operation of a per-operation target). */
export type Figure = { target: keyof typeof TARGETS; subject?: string; value: Summary; limit?: number };

/** The figure's limit, and whether its median meets it (undefined when there is nothing to judge). */
export function judge(figure: Figure): { limit: number | undefined; met: boolean | undefined } {
  const { rule, limit = figure.limit }: Target = TARGETS[figure.target];
  const value = figure.value.median;
  if (limit === undefined || Number.isNaN(value)) return { limit, met: undefined };
  const met = { "≤": value <= limit, "≥": value >= limit, "<": value < limit, "±": Math.abs(value) <= limit }[rule];
  return { limit, met };
}

/** What a suite hands the report: its measurements as labelled rows, and its figures for the targets. */
export type SuiteResult = { title: string; rows: [string, string][]; figures: Figure[] };

/** Summarises measurements; the median of an even count is the mean of the middle two. */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(half)] : ((sorted[half - 1] ?? NaN) + (sorted[half] ?? NaN)) / 2;
  return { median: median ?? NaN, min: sorted[0] ?? NaN, max: sorted.at(-1) ?? NaN };
}

/** Ratios a/b taken round by round (a noisy round then moves both sides alike), then summarised. */
export const ratios = (a: readonly number[], b: readonly number[]) => summarize(a.map((x, i) => x / (b[i] ?? NaN)));

/** `median (min–max)` of measurements, or the one value. */
export function spread(values: readonly number[] | Summary, digits = 0, unit = ""): string {
  const { median, min, max } = "median" in values ? values : summarize(values);
  const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
  return min === max ? `${fixed(median)}${unit}` : `${fixed(median)}${unit} (${fixed(min)}–${fixed(max)})`;
}

const toMib = (bytes: number) => bytes / 2 ** 20;
/** Spread of byte counts, in MiB. */
export const mib = (bytes: readonly number[]) => spread(bytes.map(toMib), 1, " MiB");

const table = (header: string[], rows: string[][]) =>
  [header, header.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");

/** What a profile showed where a target is missed: the sections of bench/when-missed.md, by target. */
function whenMissed(): Map<string, string> {
  // Each paragraph on one line (a line break in Markdown is a space), then each `## target` and its paragraph.
  const text = readFileSync(new URL("../when-missed.md", import.meta.url), "utf8").replace(/\n(?!\n|## )/g, " ");
  return new Map([...text.matchAll(/^## (\w+)\n\s*(.+)$/gm)].map(([, name = "", why = ""]) => [name, why.trim()]));
}

/** A row of the targets' table: the target, its limit, the figure, and whether it meets the limit. */
function targetRow(figure: Figure): string[] {
  const { what, rule, unit = "x" }: Target = TARGETS[figure.target];
  const { limit, met } = judge(figure);
  const digits = unit === "x" ? ((limit ?? 1) < 0.1 ? 4 : 3) : unit === "%" ? 1 : 0;
  const measured = (rule === "±" && figure.value.median > 0 ? "+" : "") + spread(figure.value, digits, unit);
  const limited = limit === undefined ? "–" : `${rule} ${limit}${unit}`;
  const named = figure.subject ? `${what}: ${figure.subject}` : what;
  return [named, limited, measured, met === undefined ? "–" : met ? "yes" : "**no**"];
}

/** The Markdown of docs/benchmarks.md. */
export function renderReport(command: string, options: Options, minutes: number, results: SuiteResult[]): string {
  const figures = results.flatMap((result) => result.figures);
  const met = figures.map((figure) => judge(figure).met);
  const missed = new Set(figures.filter((_, index) => met[index] === false).map((figure) => figure.target));
  const notes = whenMissed();
  const whys = [...missed].flatMap((name) => (notes.has(name) ? [`- ${TARGETS[name].what}: ${notes.get(name)}`] : []));
  const { rounds, duration, starts, codes, warmup, soak } = options;
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB`;
  return [
    "# Benchmarks",
    "",
    `Written by \`${command}\` in ${minutes.toFixed(1)} minutes on ${new Date().toISOString()}: ${machine}, Node ` +
      `${process.version} (${process.platform} ${process.arch}); ${rounds} rounds, ${duration} s per load run, ` +
      `${starts} starts, ${codes} ConnectOA codes a round, soak ${warmup} s + ${soak} s, ${options["client-ms"]} CPU ` +
      "ms per client style a round. Numbers are medians (min–max) over rounds or starts; each ratio is taken round " +
      "by round against something measured side by side, since absolute times on a shared machine are noise. " +
      "How it works, and how to run it: the README's Benchmarks section.",
    "",
    `## Targets: ${met.filter(Boolean).length} of ${met.filter((one) => one !== undefined).length} met`,
    "",
    table(["target", "limit", "measured", "met"], figures.map(targetRow)),
    ...(whys.length > 0 ? ["", "Where a target is missed, what a profile shows:", "", ...whys] : []),
    ...results.flatMap(({ title, rows }) => ["", `## ${title}`, "", table(["", ""], rows)]),
    "",
  ].join("\n");
}
