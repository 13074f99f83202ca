import { type Environment, ORIGINS } from "@etelecom-zalo/openapi/origins";

/**
 * The one check of the options of every entry point (startMock, createMockEngine, zaloCloudHandlers, and the CLI
 * before them): a JavaScript caller, or a config file read into options, gets a one-line Error naming the option
 * instead of a Unix socket named "abc", an origin of `http://undefined:undefined` or a 500 on every call.
 */

import { MAX_DELAY_MS } from "./faults.js";

/** What a value is, for a message: JSON for text and numbers as written, the kind of anything else. */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Checks a `publicUrl` and returns the base of consent links it gives (no trailing slash), or what is wrong. */
export function publicBase(publicUrl: string): { base: string } | { wrong: string } {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    return { wrong: "is not a URL (expected e.g. https://mock.example.com)" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { wrong: "must be http or https" };
  if (url.search || url.hash) return { wrong: "must have no query or fragment" };
  return { base: `${url.origin}${url.pathname}`.replace(/\/+$/, "") };
}

/**
 * Reads a `proxy` target: `sandbox` or `production` (eTelecom's origins, from the spec's package), or an http(s)
 * origin. A path is refused rather than dropped: the spec's paths are forwarded as they are, after the origin alone.
 */
export function proxyOrigin(target: string): { origin: string } | { wrong: string } {
  if (Object.hasOwn(ORIGINS, target)) return { origin: ORIGINS[target as Environment] };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { wrong: "must be sandbox, production or an http(s) origin" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { wrong: "must be sandbox, production or an http(s) origin" };
  }
  // A password in the origin would be printed with it (the landing page, the log) and sent to every answer's reader.
  if (url.username || url.password) return { wrong: "must not carry a user or password" };
  if (url.pathname !== "/" || url.search || url.hash || /[?#]/.test(target)) {
    return { wrong: "must be an origin, without a path, query or fragment" };
  }
  return { origin: url.origin };
}

/** A check of one option: the message naming it (as `name`) when `value` is bad, undefined when it is good. */
type Check = (value: unknown, name: string) => string | undefined;

/** A check that a value is what `good` accepts, or else `<name> must be <what>, not <the value>`. */
const must =
  (what: string, good: (value: unknown) => boolean): Check =>
  (value, name) =>
    good(value) ? undefined : `${name} must be ${what}, not ${shown(value)}`;

/** Whether a value is a whole number of milliseconds the mock may wait. */
const delayMs = (value: unknown) =>
  Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_DELAY_MS;

/** Whether a value is an object with exactly these fields (a typo in one would otherwise pass unnoticed). */
const record = (value: unknown, fields: string[]): value is Record<string, unknown> =>
  typeof value === "object" &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).sort().join() === [...fields].sort().join();

const boolean = must("a boolean", (value) => typeof value === "boolean");
const string = must("a string", (value) => typeof value === "string");
const isFunction = (value: unknown) => typeof value === "function";

/** Every option of every entry point, each with its check. */
const CHECKS = {
  stateless: boolean,
  dynamic: boolean,
  verbose: boolean,
  host: string,
  specPath: string,
  baseUrl: string,
  port: must(
    "an integer from 0 to 65535",
    (value) => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 65535,
  ),
  seed: must("a safe integer", Number.isSafeInteger),
  requestTimeout: must(
    "a positive integer of milliseconds",
    (value) => Number.isSafeInteger(value) && (value as number) > 0,
  ),
  now: must("a function returning milliseconds since the epoch", isFunction),
  log: must("a function taking one line", isFunction),
  report: must("a function taking one line", isFunction),
  proxyTimeout: must(
    "a positive integer of milliseconds",
    (value) => Number.isSafeInteger(value) && (value as number) > 0,
  ),
  record: must("a file path", (value) => typeof value === "string" && value !== ""),
  proxy(value, name) {
    if (typeof value !== "string") return string(value, name);
    const checked = proxyOrigin(value);
    return "wrong" in checked ? `${name} ${JSON.stringify(value)} ${checked.wrong}` : undefined;
  },
  publicUrl(value, name) {
    if (typeof value !== "string") return string(value, name);
    const checked = publicBase(value);
    return "wrong" in checked ? `${name} ${JSON.stringify(value)} ${checked.wrong}` : undefined;
  },
  latency: must(
    `milliseconds from 0 to ${MAX_DELAY_MS}, or { min, max } of them with min <= max`,
    (value) =>
      delayMs(value) ||
      (record(value, ["min", "max"]) &&
        delayMs(value.min) &&
        delayMs(value.max) &&
        (value.min as number) <= (value.max as number)),
  ),
  faultRate: must("a number from 0 to 1", (value) => typeof value === "number" && value >= 0 && value <= 1),
  rateLimit: must(
    "{ requests, seconds }, two positive integers",
    (value) =>
      record(value, ["requests", "seconds"]) &&
      [value.requests, value.seconds].every((part) => Number.isSafeInteger(part) && (part as number) > 0),
  ),
  znsDelivery: must(
    "{ receivedAfterMs, seenAfterMs }, milliseconds from 0 to 86400000 with received <= seen",
    (value) =>
      record(value, ["receivedAfterMs", "seenAfterMs"]) &&
      [value.receivedAfterMs, value.seenAfterMs].every(
        (part) => Number.isSafeInteger(part) && (part as number) >= 0 && (part as number) <= 86_400_000,
      ) &&
      (value.receivedAfterMs as number) <= (value.seenAfterMs as number),
  ),
  oaSecretKey: must(
    "a string of 1 to 256 characters",
    (value) => typeof value === "string" && value.length >= 1 && value.length <= 256,
  ),
  onDelivery: must("a function taking a Request and returning a Response", isFunction),
  // Checked whole, against the spec's schemas and the store's caps, by checkFixtures when the engine starts.
  fixtures: () => undefined,
} satisfies Record<string, Check>;

/** The name of an option any entry point takes. */
export type OptionName = keyof typeof CHECKS;

/**
 * The names an entry point takes, from an object literal that TypeScript checks against its options' interface
 * (`satisfies Record<keyof Options, true>`), so that a new option cannot be left out of the check.
 */
export const optionNames = (names: Partial<Record<OptionName, true>>) => Object.keys(names) as OptionName[];

/**
 * Checks `options` (left out or `undefined` values are defaults) against the names an entry point takes; throws a
 * one-line Error naming the first bad one, as `label` calls it (the CLI names its flags).
 */
export function checkOptions(
  options: unknown,
  valid: readonly OptionName[],
  label: (name: OptionName) => string = (name) => name,
): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options)) {
    throw new Error(`options must be an object, not ${shown(options)}`);
  }
  const names = new Set<string>(valid);
  for (const [name, value] of Object.entries(options)) {
    if (!names.has(name)) {
      const shownName = /^[\w$]+$/.test(name) ? name : JSON.stringify(name);
      throw new Error(`unknown option ${shownName} (valid: ${[...valid].sort().join(", ")})`);
    }
    if (value === undefined) continue;
    const wrong = CHECKS[name as OptionName](value, label(name as OptionName));
    if (wrong !== undefined) throw new Error(wrong);
  }
  const given = options as Partial<Record<OptionName, unknown>>;
  if (given.proxy === undefined) {
    for (const name of ["record", "proxyTimeout"] as const) {
      if (given[name] !== undefined)
        throw new Error(`${label(name)} needs ${label("proxy")}: it is about eTelecom's answers`);
    }
    return;
  }
  // A silent wrong answer otherwise: with a proxy every answer is eTelecom's, and these options would do nothing.
  for (const name of ["stateless", "dynamic", "fixtures"] as const) {
    if (given[name] !== undefined && given[name] !== false) {
      throw new Error(`${label(name)} cannot be combined with ${label("proxy")}: the answers are eTelecom's`);
    }
  }
}
