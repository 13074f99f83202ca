import type { Machine } from "./machine.js";
import type { BenchOptions } from "./options.js";
import { type Summary, summarize } from "./stats.js";
import type { ClientOverheadResult } from "./suites/client-overhead.js";
import type { SizeResult } from "./suites/client-size.js";
import type { DevLoopResult } from "./suites/dev-loop.js";
import type { MemoryResult } from "./suites/memory.js";
import type { ProfileResult } from "./suites/profile.js";
import type { StartupResult } from "./suites/startup.js";
import type { ThroughputCase } from "./suites/throughput.js";

/** Everything one `pnpm bench` run measured; a suite that did not run is absent. */
export interface BenchResults {
  machine: Machine;
  options: BenchOptions;
  command: string;
  throughput?: ThroughputCase[];
  startup?: StartupResult[];
  memory?: MemoryResult;
  profile?: ProfileResult;
  clientOverhead?: ClientOverheadResult[];
  clientSize?: SizeResult[];
  devLoop?: DevLoopResult[];
}

interface Target {
  what: string;
  measured: string;
  /** Absent for a goal without a number, which is reported but cannot be met or missed. */
  met?: boolean;
  note: string;
}

const names: Record<string, string> = {
  ours: "(a) our mock: `node apps/mock/dist/cli.js`, what `pnpm start` runs",
  prism: "(b) stock `prism mock openapi/openapi.yaml`",
  raw: "(c) raw `node:http`, fixed JSON (ceiling)",
};

const round = (value: number, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : "n/a");
const spread = (summary: Summary, digits = 0, unit = "") =>
  `${round(summary.median, digits)}${unit} (${round(summary.min, digits)}–${round(summary.max, digits)})`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const table = (header: string[], rows: string[][]) =>
  [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.join(" | ")} |`),
  ].join("\n");

/** Per-round ratios a/b, so that a noisy round affects both sides of the ratio alike. */
function ratios(a: readonly number[], b: readonly number[]): Summary {
  return summarize(a.map((value, index) => value / (b[index] ?? Number.NaN)));
}

/** Renders the results as the Markdown of docs/benchmarks.md. */
export function renderReport(results: BenchResults): string {
  const targets: Target[] = [];
  const sections = [
    results.throughput && throughputSection(results.throughput, targets),
    results.startup && startupSection(results.startup, targets),
    results.memory && memorySection(results.memory, targets),
    results.clientOverhead && clientOverheadSection(results.clientOverhead, targets),
    results.clientSize && clientSizeSection(results.clientSize),
    results.devLoop && devLoopSection(results.devLoop),
    results.profile && profileSection(results.profile),
  ].filter((section): section is string => section !== undefined);
  const { machine, options } = results;
  return [
    "# Benchmarks",
    "",
    `Written by \`${results.command}\` on ${machine.date}. Reproduce with \`pnpm install && pnpm bench\` at the repository root ` +
      "(about 6 minutes on 2 cores; `pnpm bench --quick` for a fast, smaller run that prints without writing this file, " +
      "`pnpm bench --help` for the knobs). Everything runs on loopback; each load run uses autocannon in its own process.",
    "",
    "Numbers are medians, with (min–max) over rounds. Ratios are computed per round, then summarised the same way. " +
      "Targets are reported, never asserted: speed is not part of `pnpm test`.",
    "",
    table(
      ["machine", ""],
      [
        ["cores", String(machine.cores)],
        ["CPU", machine.cpuModel],
        ["memory", `${machine.memoryGiB} GiB`],
        ["Node", machine.node],
        ["platform", machine.platform],
        ["date", machine.date],
        [
          "settings",
          `${options.rounds} rounds × ${options.durationSeconds} s per load run, connections ${options.connections.join("/")}, ` +
            `${options.startups} starts, ${options.memoryRequests} memory requests, ${options.clientCalls} client calls per round`,
        ],
      ],
    ),
    "",
    "## Targets",
    "",
    targets.length === 0
      ? "No targeted suite ran."
      : table(
          ["target", "measured", "met", "note"],
          targets.map((target) => [
            target.what,
            target.measured,
            target.met === undefined ? "–" : target.met ? "yes" : "**no**",
            target.note,
          ]),
        ),
    "",
    ...sections.flatMap((section) => [section, ""]),
  ].join("\n");
}

function throughputSection(cases: ThroughputCase[], targets: Target[]): string {
  const parts = [
    "## 1. Mock throughput and latency",
    "",
    "POST `/v1/shop.Zalo/AuthorizeOA` with the spec's `shop_app` body and a Bearer key (valid), with `{}` (400), " +
      "and without `Authorization` (401). Latency percentiles come from autocannon at 1 ms resolution; the mean is finer. " +
      "`unexpected` counts responses with another status, socket errors and timeouts, over all rounds. " +
      "autocannon shares the machine's cores with the server, so on a small machine (c) measures the load generator " +
      "about as much as the server: read (a)/(c) as a lower bound. Stock Prism logs every request (its default); " +
      "the log goes to a file, as do the other servers' outputs.",
  ];
  for (const benchCase of cases) {
    const labels = Object.keys(benchCase.results);
    const rps = (label: string) => (benchCase.results[label] ?? []).map((result) => result.requestsPerSecond);
    parts.push(
      "",
      `### ${benchCase.request.name}, ${benchCase.connections} connection${benchCase.connections === 1 ? "" : "s"}`,
      "",
      table(
        ["server", "req/s", "p50 ms", "p99 ms", "mean ms", "unexpected"],
        labels.map((label) => {
          const runs = benchCase.results[label] ?? [];
          return [
            names[label] ?? label,
            spread(summarize(rps(label))),
            spread(summarize(runs.map((run) => run.p50Ms))),
            spread(summarize(runs.map((run) => run.p99Ms))),
            spread(summarize(runs.map((run) => run.meanMs)), 2),
            String(runs.reduce((sum, run) => sum + run.unexpected, 0)),
          ];
        }),
      ),
    );
    if (rps("ours").length > 0) {
      const vsPrism = ratios(rps("ours"), rps("prism"));
      const vsRaw = ratios(rps("ours"), rps("raw"));
      parts.push("", `Throughput (a)/(b): **${spread(vsPrism, 2, "x")}**; (a)/(c): **${spread(vsRaw, 2, "x")}**.`);
      if (benchCase.request.expectedStatus === 200) {
        targets.push({
          what: `(a) ≥ 2.5x (b) throughput, valid call, ${benchCase.connections} conn.`,
          measured: `${round(vsPrism.median, 2)}x`,
          met: vsPrism.median >= 2.5,
          note:
            vsPrism.median >= 2.5
              ? ""
              : `short by ${round(2.5 - vsPrism.median, 2)}x (${round((1 - vsPrism.median / 2.5) * 100)}%)`,
        });
      }
      if (benchCase.request.expectedStatus === 200 && benchCase.connections === 10) {
        const p99 = summarize((benchCase.results.ours ?? []).map((run) => run.p99Ms)).median;
        targets.push({
          what: "(a) p99 < 10 ms, valid call, 10 connections",
          measured: `${round(p99)} ms`,
          met: p99 < 10,
          note:
            p99 < 10
              ? ""
              : p99 === 10
                ? "at the limit (percentiles have 1 ms resolution)"
                : `over by ${round(p99 - 10)} ms`,
        });
        targets.push({
          what: "(a) as close to (c) as validation allows (no number)",
          measured: `${round(vsRaw.median, 2)}x of (c)`,
          note: "no number to meet; see the profile for what separates them",
        });
      }
    }
  }
  return parts.join("\n");
}

function startupSection(results: StartupResult[], targets: Target[]): string {
  const ours = results.find((result) => result.label === "ours");
  if (ours) {
    const median = summarize(ours.startupMs).median;
    targets.push({
      what: "(a) startup < 1 s median",
      measured: `${round(median)} ms`,
      met: median < 1000,
      note: median < 1000 ? "" : `over by ${round(median - 1000)} ms`,
    });
  }
  return [
    "## 2. Mock startup",
    "",
    "Wall time from `spawn()` to the first 200 for a valid AuthorizeOA call (polled every 5 ms), and the server's RSS then.",
    "",
    table(
      ["server", "startup ms", "RSS after startup"],
      results.map((result) => [
        names[result.label] ?? result.label,
        spread(summarize(result.startupMs)),
        mib(summarize(result.rssBytes).median),
      ]),
    ),
  ].join("\n");
}

function memorySection(result: MemoryResult, targets: Target[]): string {
  const growth = result.afterAllBytes - result.afterWarmupBytes;
  const percent = (growth / result.afterWarmupBytes) * 100;
  targets.push({
    what: "(a) no RSS growth beyond noise (taken as ≤ 10% after warm-up)",
    measured: `${growth >= 0 ? "+" : ""}${mib(growth)} (${round(percent, 1)}%)`,
    met: percent <= 10,
    note: percent <= 10 ? "" : `over by ${round(percent - 10, 1)} points`,
  });
  return [
    "## 3. Mock memory",
    "",
    `VmRSS of ${names[result.label] ?? result.label} (from /proc/<pid>/status), valid calls at 10 connections.`,
    "",
    table(
      ["point", "RSS"],
      [
        ["after startup", mib(result.afterStartupBytes)],
        [`after ${result.warmupRequests} requests (warm)`, mib(result.afterWarmupBytes)],
        [`after ${result.requests} requests`, mib(result.afterAllBytes)],
      ],
    ),
  ].join("\n");
}

function clientOverheadSection(results: ClientOverheadResult[], targets: Target[]): string {
  const rows = results.map((result) => {
    const ratio = ratios(result.clientMicros, result.fetchMicros);
    const overhead = (ratio.median - 1) * 100;
    const bare = (ratios(result.openapiFetchMicros, result.fetchMicros).median - 1) * 100;
    targets.push({
      what: `client within 5% of raw fetch, ${result.concurrency === 1 ? "sequential" : `${result.concurrency} concurrent`}`,
      measured: `${overhead >= 0 ? "+" : ""}${round(overhead, 1)}%`,
      met: overhead <= 5,
      note:
        overhead <= 5
          ? ""
          : `over by ${round(overhead - 5, 1)} points; openapi-fetch alone is ${bare >= 0 ? "+" : ""}${round(bare, 1)}%`,
    });
    return [
      result.concurrency === 1 ? "sequential" : `${result.concurrency} concurrent`,
      spread(summarize(result.clientMicros), 1),
      spread(summarize(result.fetchMicros), 1),
      spread(ratio, 3, "x"),
      spread(summarize(result.openapiFetchMicros), 1),
      spread(ratios(result.openapiFetchMicros, result.fetchMicros), 3, "x"),
      spread(summarize(result.clientCpuMicros), 1),
      spread(summarize(result.fetchCpuMicros), 1),
      spread(ratios(result.clientCpuMicros, result.fetchCpuMicros), 3, "x"),
      spread(summarize(result.openapiFetchCpuMicros), 1),
    ];
  });
  return [
    "## 4. Client overhead",
    "",
    "Time per AuthorizeOA call against server (c): `client.authorizeOA(body)` vs a hand-written `fetch` that sends the " +
      "same request, checks `response.ok` and parses the JSON. All use Node's global fetch; which goes first rotates per round. " +
      "Wall time is the target; CPU time is the calling process's own (user + system) per call, which the shared " +
      "machine's noise disturbs less and which shows what the client itself costs. The openapi-fetch columns call " +
      "openapi-fetch directly, with no client around it: the share of the overhead that is openapi-fetch's own " +
      "(it builds a `Request` per call, whose body Node's fetch then sends as a stream), which the client cannot " +
      "remove while it is built on openapi-fetch.",
    "",
    table(
      [
        "mode",
        "client µs/call",
        "fetch µs/call",
        "client/fetch",
        "openapi-fetch µs/call",
        "openapi-fetch/fetch",
        "client CPU µs",
        "fetch CPU µs",
        "CPU client/fetch",
        "openapi-fetch CPU µs",
      ],
      rows,
    ),
  ].join("\n");
}

function clientSizeSection(results: SizeResult[]): string {
  return [
    "## 5. Client size",
    "",
    "esbuild bundle (`bundle`, `minify`, ESM, browser, es2022) of a one-line consumer; gzip level 9.",
    "",
    table(
      ["bundle", "minified bytes", "gzip bytes"],
      results.map((result) => [result.label, String(result.minifiedBytes), String(result.gzipBytes)]),
    ),
    "",
    ...results.map((result) => `- ${result.label}: \`${result.source}\``),
  ].join("\n");
}

function devLoopSection(results: DevLoopResult[]): string {
  return [
    "## 6. Developer loop",
    "",
    "Wall time at the repository root (turbo runs lint, typecheck, drift and test).",
    "",
    table(
      ["command", "runs", "seconds", "failures"],
      results.map((result) => [
        `${result.label}: \`${result.command}\``,
        String(result.millis.length),
        spread(summarize(result.millis.map((ms) => ms / 1000)), 1),
        result.failures.length === 0 ? "none" : `exit ${result.failures.join(", ")}`,
      ]),
    ),
  ].join("\n");
}

function profileSection(result: ProfileResult): string {
  const rows = (entries: ProfileResult["topFrames"]) =>
    entries.map((entry) => [`\`${entry.name}\``, `${round(entry.percent, 1)}%`]);
  return [
    "## Profile of our mock under load",
    "",
    `\`node --cpu-prof\` on ${names[result.label] ?? result.label}, valid calls at ${result.connections} connections ` +
      `for ${result.seconds} s (${result.samples} samples after startup); self time, so a frame's callees are not counted in it. ` +
      "Run with `--keep-logs` to keep the `.cpuprofile` (its folder is printed) and open it in Chrome DevTools.",
    "",
    table(["where (package or runtime)", "self"], rows(result.topPackages)),
    "",
    table(["top frames", "self"], rows(result.topFrames)),
  ].join("\n");
}
