import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { StartMockOptions } from "./start-mock.js";

/** Every flag, its environment variable, its argument and its default, in the order `--help` lists them. */
const FLAGS = [
  ["port", "PORT", "<n>", "4010", "TCP port to listen on; 0 picks a free one"],
  ["host", "HOST", "<host>", "127.0.0.1", "interface to listen on (0.0.0.0 for every one)"],
  ["public-url", "PUBLIC_URL", "<url>", "the origin each request uses", "where consent links point (behind a proxy)"],
  ["fixtures", "", "<file>", "none", 'JSON file of OAs connected from the start: { "<key>": [OA, ...] }'],
  ["seed", "", "<n>", "0", "seeds ids, codes and states: same requests, same answers"],
  ["stateless", "", "", "off", "answer documented examples only, keeping no state"],
  ["dynamic", "", "", "off", "generate varied success bodies where no state decides"],
  ["verbose", "", "", "off", "log one line per request with the decision behind it"],
  ["help", "", "", "", "print this help and exit"],
] as const;

/** The `--help` text. */
export function helpText(): string {
  const rows = FLAGS.map(([name, env, argument, fallback, what]) => {
    const flag = `--${name}${argument && ` ${argument}`}`;
    return `  ${flag.padEnd(21)}${env.padEnd(12)}${what}${fallback && ` (default: ${fallback})`}`;
  });
  return [
    "Usage: etelecom-zalo-mock [options]",
    "",
    "A mock of eTelecom's Zalo Cloud API, with Zalo's consent page, on the project's OpenAPI document.",
    "",
    `  ${"flag".padEnd(21)}${"env".padEnd(12)}(a flag wins over its environment variable)`,
    ...rows,
    "",
  ].join("\n");
}

/** What the command line asks for: a mock to start, or the help. */
export type CliCommand = { help: true } | { help: false; options: StartMockOptions };

/** Reads the CLI's flags and environment; throws an Error whose message is one printable line. */
export function parseCliOptions(args: string[], env: NodeJS.ProcessEnv): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      // `pnpm start -- --help` passes the `--` on: it ends pnpm's options, not the mock's.
      args: args[0] === "--" ? args.slice(1) : args,
      options: Object.fromEntries(
        FLAGS.map(([name, , argument]) => [name, { type: argument ? "string" : "boolean" } as const]),
      ),
      strict: true,
    }));
  } catch (failure) {
    const { code, message } = failure as NodeJS.ErrnoException;
    const valid = FLAGS.map(([name]) => `--${name}`).join(", ");
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw new Error(`unknown option ${/'([^']+)'/.exec(message)?.[1] ?? ""} (valid: ${valid})`);
    }
    throw new Error(`${message.split(". ")[0]} (valid: ${valid})`);
  }
  if (values.help) return { help: true };
  const text = (name: string, fallback?: string) => {
    const value = values[name];
    return typeof value === "string" ? value : fallback;
  };
  const port = text("port", env.PORT) ?? "4010";
  if (!/^\d+$/.test(port) || Number(port) > 65535) throw new Error(`invalid port "${port}": expected 0-65535`);
  const options: StartMockOptions = {
    port: Number(port),
    host: text("host", env.HOST) ?? "127.0.0.1",
    stateless: values.stateless === true,
    dynamic: values.dynamic === true,
    verbose: values.verbose === true,
  };
  const publicUrl = text("public-url", env.PUBLIC_URL);
  if (publicUrl) options.publicUrl = publicUrl;
  const seed = text("seed");
  if (seed !== undefined) {
    if (!/^-?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed))) {
      throw new Error(`invalid seed "${seed}": expected an integer`);
    }
    options.seed = Number(seed);
  }
  const fixtures = text("fixtures");
  if (fixtures !== undefined) options.fixtures = readFixtures(fixtures);
  return { help: false, options };
}

/** Reads a fixtures file; its content is checked against the spec when the mock starts. */
function readFixtures(path: string): NonNullable<StartMockOptions["fixtures"]> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (failure) {
    throw new Error(`--fixtures ${path}: cannot read it (${(failure as NodeJS.ErrnoException).code})`);
  }
  try {
    return JSON.parse(text);
  } catch (failure) {
    throw new Error(`--fixtures ${path}: is not valid JSON (${(failure as Error).message})`);
  }
}
