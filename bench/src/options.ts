import { parseArgs } from "node:util";

/** The suites, in the order they run. */
export const SUITES = ["startup", "fixtures", "throughput", "soak", "deliveries", "client", "bundle"] as const;

/** Each knob: its default, its default with `--quick`, and what it sets. */
const KNOBS = {
  rounds: [3, 1, "rounds of the throughput and client suites"],
  duration: [3, 1, "seconds per autocannon run"],
  starts: [5, 2, "process starts per server, and in-process runs"],
  codes: [2000, 300, "ConnectOA codes issued through the consent page per round"],
  warmup: [30, 3, "seconds of load before the soak's warm RSS"],
  soak: [60, 5, "seconds of the soak (50 connections, a new key per request)"],
  "client-ms": [2000, 300, "CPU milliseconds of client calls per style and round"],
  deliveries: [10000, 1000, "events delivered per round; five times as many are queued to a silent receiver"],
} as const;

/** What one `pnpm bench` run does; `out` undefined prints the report only. */
export type Options = Record<keyof typeof KNOBS, number> & { only: (typeof SUITES)[number][]; out?: string };

const USAGE = [
  `Usage: pnpm bench [--quick] [--only ${SUITES.join(",")}] [--out FILE | --no-write] [--KNOB N]...`,
  ...Object.entries(KNOBS).map(
    ([name, [full, quick, what]]) => `  --${name.padEnd(10)} ${what} (${full}; quick ${quick})`,
  ),
  "--quick runs every suite shorter and prints the report without writing docs/benchmarks.md (unless --out).",
].join("\n");

/** Reads the flags; the knobs default to a full run, or a short one with `--quick`. Exits after `--help`. */
export function parseOptions(argv: string[]): Options {
  const [string, boolean] = [{ type: "string" }, { type: "boolean" }] as const;
  const knobs = Object.fromEntries(Object.keys(KNOBS).map((name) => [name, string]));
  const flags = { ...knobs, only: string, out: string, quick: boolean, "no-write": boolean, help: boolean };
  const { values } = parseArgs({ args: argv, options: flags });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const given = values as Record<string, string | undefined>;
  const numbers = Object.entries(KNOBS).map(([name, [full, quick]]) => {
    const value = Number(given[name] ?? (values.quick ? quick : full));
    if (!Number.isInteger(value) || value <= 0) throw new Error(`--${name} must be a positive integer\n${USAGE}`);
    return [name, value];
  });
  const only = values.only?.split(",") ?? [...SUITES];
  const unknown = only.filter((name) => !(SUITES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(", ")}\n${USAGE}`);
  const out = values["no-write"] ? undefined : (values.out ?? (values.quick ? undefined : "docs/benchmarks.md"));
  return { ...(Object.fromEntries(numbers) as Options), only: only as Options["only"], ...(out && { out }) };
}
