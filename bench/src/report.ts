import { cpus, totalmem } from "node:os";
import type { Options } from "./options.js";
import { type Figure, judge, type Summary, TARGETS, type Target } from "./targets.js";

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

function targetRow(figure: Figure): string[] {
  const target: Target = TARGETS[figure.target];
  const { limit, met } = judge(figure);
  const digits = target.unit === "x" ? ((limit ?? 1) < 0.1 ? 4 : 3) : target.unit === "%" ? 1 : 0;
  const sign = target.rule === "±" && (figure.value?.median ?? 0) > 0 ? "+" : "";
  return [
    figure.subject ? `${target.what}: ${figure.subject}` : target.what,
    limit === undefined ? "–" : `${target.rule} ${limit}${target.unit}`,
    figure.value ? sign + spread(figure.value, digits, target.unit) : "not measured",
    met === undefined ? "–" : met ? "yes" : "**no**",
    figure.note ?? "",
  ];
}

/** The Markdown of docs/benchmarks.md. */
export function renderReport(command: string, options: Options, minutes: number, results: SuiteResult[]): string {
  const figures = results.flatMap((result) => result.figures);
  const judged = figures.map((figure) => judge(figure).met).filter((met) => met !== undefined);
  const missed = new Set(figures.filter((figure) => judge(figure).met === false).map((figure) => figure.target));
  const whys = [...missed].flatMap((name) => {
    const { what, whenMissed }: Target = TARGETS[name];
    return whenMissed ? [`- ${what}: ${whenMissed}`] : [];
  });
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
    `## Targets: ${judged.filter(Boolean).length} of ${judged.length} met`,
    "",
    table(["target", "limit", "measured", "met", "note"], figures.map(targetRow)),
    ...(whys.length > 0 ? ["", "Where a target is missed, what a profile shows:", "", ...whys] : []),
    ...results.flatMap(({ title, rows }) => ["", `## ${title}`, "", table(["", ""], rows)]),
    "",
  ].join("\n");
}
