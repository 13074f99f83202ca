import { closeSync, openSync, readSync } from "node:fs";
import { parseArgs } from "node:util";
import { FAULT_KINDS, MAX_DELAY_MS } from "./core/faults.js";
import { checkOptions } from "./core/options.js";
import { MOCK_ENDPOINTS } from "./pages/endpoints.js";
import { START_OPTIONS, type StartMockOptions } from "./start-mock.js";

/** Every flag, its environment variable, its argument and its default, in the order `--help` lists them. */
const FLAGS = [
  ["port", "PORT", "<n>", "4010", "TCP port to listen on; 0 picks a free one"],
  ["host", "HOST", "<host>", "127.0.0.1", "interface to listen on (0.0.0.0 for every one)"],
  ["public-url", "PUBLIC_URL", "<url>", "the origin it listens on", "where consent links point (behind a proxy)"],
  ["fixtures", "", "<file>", "none", 'JSON file (at most 64 MiB) of records per key: { "<key>": { "oa": [...] } }'],
  ["seed", "", "<n>", "0", "seeds ids, codes and states: same requests, same answers"],
  [
    "proxy",
    "",
    "<target>",
    "off",
    "forward every call to eTelecom (sandbox, production or an origin), report spec violations",
  ],
  ["proxy-timeout", "", "<ms>", "30000", "with --proxy: how long eTelecom has to answer, then 502 unavailable"],
  ["record", "", "<file>", "none", "with --proxy: write what eTelecom answers as --fixtures, keys as recorded-1..."],
  [
    "oa-secret-key",
    "OA_SECRET_KEY",
    "<key>",
    "mock-oa-secret-key",
    "the secret key OAs sign their Zalo events with (a fixture OA's oa_secret_key wins)",
  ],
  ["stateless", "", "", "off", "answer documented examples only, keeping no state"],
  ["dynamic", "", "", "off", "generate varied success bodies where no state decides"],
  ["latency", "", "<ms>", "0", `delay every API answer; <min>-<max> draws each between (at most ${MAX_DELAY_MS})`],
  ["fault-rate", "", "<0..1>", "0", `share of API calls failing with a random fault (${FAULT_KINDS.join(", ")})`],
  ["rate-limit", "", "<n>/<s>", "none", "at most n calls per key each s seconds; the rest get 429 and Retry-After"],
  ["zns-delivery", "", "<ms>,<ms>", "5000,30000", "a sent ZNS is received, then seen, this long after it is sent"],
  ["verbose", "", "", "off", "log one line per request with the decision behind it"],
  ["help", "", "", "", "print this help and exit"],
] as const;

/** The `--help` text. */
export function helpText(): string {
  const rows = FLAGS.map(([name, env, argument, fallback, what]) => {
    const flag = `--${name}${argument && ` ${argument}`}`;
    return `  ${flag.padEnd(23)}${env.padEnd(14)}${what}${fallback && ` (default: ${fallback})`}`;
  });
  const pathWidth = Math.max(...MOCK_ENDPOINTS.map(({ path }) => path.length)) + 2;
  return [
    "Usage: etelecom-zalo-mock [options]",
    "",
    "A mock of eTelecom's Zalo Cloud API, with Zalo's consent page, on the project's OpenAPI document.",
    "",
    `  ${"flag".padEnd(23)}${"env".padEnd(14)}(a flag wins over its environment variable)`,
    ...rows,
    "",
    "Its own endpoints, beside the API's operations (GET / lists both):",
    ...MOCK_ENDPOINTS.map(({ method, path, what }) => `  ${method.padEnd(5)}${path.padEnd(pathWidth)}${what}`),
    "",
  ].join("\n");
}

/** The flag of an option: `publicUrl` is `--public-url`. */
const flagOf = (option: string) => `--${option.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;

/**
 * `args` with each flag that takes an argument joined to a following negative number (`--seed -5` is `--seed=-5`),
 * which parseArgs would otherwise read as a flag of its own.
 */
function joinNegativeArguments(args: string[]): string[] {
  const takesArgument = new Set(FLAGS.filter(([, , argument]) => argument).map(([name]) => `--${name}`));
  const joined: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    const next = args[index + 1];
    if (takesArgument.has(arg) && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** What the command line asks for: a mock to start, or the help. */
export type CliCommand = { help: true } | { help: false; options: StartMockOptions };

/** Reads the CLI's flags and environment; throws an Error whose message is one printable line. */
export function parseCliOptions(args: string[], env: NodeJS.ProcessEnv): CliCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      // `pnpm start -- --help` passes the `--` on: it ends pnpm's options, not the mock's.
      args: joinNegativeArguments(args[0] === "--" ? args.slice(1) : args),
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
    // Node's message may run over three lines: its first says what is wrong, and a refusal is one line.
    const first = (message.split("\n", 1)[0] as string).replace(/\.$/, "");
    const ambiguous = / '(--[\w-]+)' argument is ambiguous$/.exec(first)?.[1];
    if (ambiguous !== undefined) {
      const value = args[args.indexOf(ambiguous) + 1];
      throw new Error(`${first}: to pass a value starting with a dash, write ${ambiguous}=${value}`);
    }
    throw new Error(`${first.split(". ")[0]} (valid: ${valid})`);
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
    // Empty is unset, as for any variable of the environment: the default, not "every interface".
    host: text("host", env.HOST) || "127.0.0.1",
    stateless: values.stateless === true,
    dynamic: values.dynamic === true,
    verbose: values.verbose === true,
  };
  const publicUrl = text("public-url", env.PUBLIC_URL);
  if (publicUrl) options.publicUrl = publicUrl;
  const oaSecretKey = text("oa-secret-key", env.OA_SECRET_KEY);
  if (oaSecretKey) options.oaSecretKey = oaSecretKey;
  const proxy = text("proxy");
  if (proxy !== undefined) options.proxy = proxy;
  const proxyTimeout = text("proxy-timeout");
  if (proxyTimeout !== undefined) {
    // Checked below as the option is: a number that is not a positive integer of milliseconds is refused there.
    options.proxyTimeout = /^\d+$/.test(proxyTimeout) ? Number(proxyTimeout) : Number.NaN;
  }
  const record = text("record");
  if (record !== undefined) options.record = record;
  const seed = text("seed");
  if (seed !== undefined) {
    if (!/^-?\d+$/.test(seed) || !Number.isSafeInteger(Number(seed))) {
      throw new Error(`invalid seed "${seed}": expected an integer`);
    }
    options.seed = Number(seed);
  }
  readChaos(text, options);
  const fixtures = text("fixtures");
  // The checks startMock makes, now, naming the flags the user wrote rather than the options they became (the
  // fixtures only as given, since the file is read after the flags are known to be right).
  checkOptions({ ...options, ...(fixtures !== undefined && { fixtures: {} }) }, START_OPTIONS, flagOf);
  if (fixtures !== undefined) options.fixtures = readFixtures(fixtures);
  return { help: false, options };
}

/**
 * Reads `--latency`, `--fault-rate`, `--rate-limit` and `--zns-delivery` into `options`, refusing a value in the flag's own terms
 * (`5-2`, not `{ min: 5, max: 2 }`).
 */
function readChaos(text: (name: string) => string | undefined, options: StartMockOptions): void {
  const latency = text("latency");
  if (latency !== undefined) {
    const [, min, max = min] = /^(\d+)(?:-(\d+))?$/.exec(latency) ?? [];
    if (min === undefined || Number(min) > Number(max) || Number(max) > MAX_DELAY_MS) {
      throw new Error(
        `invalid latency "${latency}": expected <ms> or <min>-<max> (min <= max) of milliseconds, at most ${MAX_DELAY_MS}`,
      );
    }
    options.latency = min === max ? Number(min) : { min: Number(min), max: Number(max) };
  }
  const faultRate = text("fault-rate");
  if (faultRate !== undefined) {
    if (!/^\d*\.?\d+$/.test(faultRate) || Number(faultRate) > 1) {
      throw new Error(`invalid fault rate "${faultRate}": expected a number from 0 to 1, e.g. 0.3`);
    }
    options.faultRate = Number(faultRate);
  }
  const rateLimit = text("rate-limit");
  if (rateLimit !== undefined) {
    const [, requests, seconds] = /^(\d+)\/(\d+)$/.exec(rateLimit) ?? [];
    const limit = { requests: Number(requests), seconds: Number(seconds) };
    if (
      !(
        Number.isSafeInteger(limit.requests) &&
        limit.requests > 0 &&
        Number.isSafeInteger(limit.seconds) &&
        limit.seconds > 0
      )
    ) {
      throw new Error(`invalid rate limit "${rateLimit}": expected <n>/<seconds>, two positive integers, e.g. 10/1`);
    }
    options.rateLimit = limit;
  }
  const delivery = text("zns-delivery");
  if (delivery !== undefined) {
    const [, received, seen] = /^(\d{1,8}),(\d{1,8})$/.exec(delivery) ?? [];
    if (received === undefined || Number(received) > Number(seen) || Number(seen) > 86_400_000) {
      throw new Error(
        `invalid ZNS delivery "${delivery}": expected <received ms>,<seen ms>, received <= seen, at most 86400000`,
      );
    }
    options.znsDelivery = { receivedAfterMs: Number(received), seenAfterMs: Number(seen) };
  }
}

/** The largest fixtures file read: 10,000 keys with 100 small OAs each fit (about 60 MiB with short names). */
export const FIXTURES_FILE_LIMIT = 64 * 1024 * 1024;

/**
 * Reads a fixtures file, at most {@link FIXTURES_FILE_LIMIT} bytes (a device such as /dev/zero never ends, and its
 * size says nothing); its content is checked against the spec when the mock starts.
 */
function readFixtures(path: string): NonNullable<StartMockOptions["fixtures"]> {
  let text: string;
  let descriptor: number | undefined;
  try {
    descriptor = openSync(path, "r");
    const buffer = Buffer.alloc(FIXTURES_FILE_LIMIT + 1);
    let size = 0;
    for (let read = -1; read !== 0 && size < buffer.length; size += read) {
      read = readSync(descriptor, buffer, size, buffer.length - size, null);
    }
    if (size > FIXTURES_FILE_LIMIT) throw new Error(`--fixtures ${path}: is larger than 64 MiB, the mock's limit`);
    // A byte order mark is not JSON, and an editor on Windows may write one.
    text = buffer.toString("utf8", 0, size).replace(/^\uFEFF/, "");
  } catch (failure) {
    const { code, message } = failure as NodeJS.ErrnoException;
    throw code === undefined ? failure : new Error(`--fixtures ${path}: cannot read it (${code})`, { cause: message });
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
  let fixtures: NonNullable<StartMockOptions["fixtures"]>;
  try {
    fixtures = JSON.parse(text);
  } catch (failure) {
    throw new Error(`--fixtures ${path}: is not valid JSON (${(failure as Error).message})`);
  }
  const repeated = repeatedKey(text);
  if (repeated !== undefined) throw new Error(`--fixtures ${path}: ${repeated}`);
  return fixtures;
}

/**
 * A key that appears twice in one object of the file's first two levels (a Bearer key, or a resource of one key),
 * said as the refusal's text: JSON.parse keeps only the last of them, so a fixture written twice would lose its first
 * half without a word. Deeper objects (the records) are checked against their schema instead. A scan of the text,
 * since the parsed value no longer shows it: about 0.2 s for a file at the limit.
 */
function repeatedKey(text: string): string | undefined {
  // Each open object or array: whether it is an object, the keys seen in it (first two levels), and its own key.
  const open: { object: boolean; keys?: Set<string>; name?: string }[] = [];
  let expectingKey = false;
  let lastKey = "";
  // Jumps from one character that matters to the next: a regular expression scans far faster than a loop in JS.
  const structure = /["{}[\],]/g;
  for (let found = structure.exec(text); found !== null; found = structure.exec(text)) {
    const start = found.index;
    const character = text[start];
    if (character === '"') {
      let end = text.indexOf('"', start + 1);
      // A quote after an odd number of backslashes is part of the string.
      for (let slashes = countBackslashes(text, end); slashes % 2 === 1; slashes = countBackslashes(text, end)) {
        end = text.indexOf('"', end + 1);
      }
      const top = open.at(-1);
      if (expectingKey && top?.keys !== undefined) {
        const key = JSON.parse(text.slice(start, end + 1)) as string;
        if (top.keys.has(key)) {
          const where = top.name === undefined ? "" : ` in ${JSON.stringify(top.name)}`;
          return `${JSON.stringify(key)} appears twice${where} (JSON keeps only the last)`;
        }
        top.keys.add(key);
        lastKey = key;
      }
      expectingKey = false;
      structure.lastIndex = end + 1;
    } else if (character === "{") {
      const depth = open.length;
      open.push({ object: true, ...(depth < 2 && { keys: new Set() }), ...(depth === 1 && { name: lastKey }) });
      expectingKey = true;
    } else if (character === "[") {
      open.push({ object: false });
    } else if (character === "}" || character === "]") {
      open.pop();
    } else {
      expectingKey = open.at(-1)?.object === true;
    }
  }
  return undefined;
}

/** How many backslashes stand right before `index`. */
function countBackslashes(text: string, index: number): number {
  let count = 0;
  while (text.charCodeAt(index - 1 - count) === 0x5c) count++;
  return count;
}
