import { FAULT_KINDS, MAX_DELAY_MS } from "../core/faults.js";

/** What a request asks the mock to answer, as Prism spells it, before anything checks it against the spec. */
export interface Preference {
  /** Where it came from: the `Prefer` header, or the `__code`/`__example`/`__dynamic`/… query parameters. */
  source: "Prefer" | "query";
  code?: string;
  example?: string;
  dynamic?: string;
  /** The mock's own, beside Prism's: milliseconds to wait before answering. */
  delay?: string;
  /** The mock's own, beside Prism's: a fault instead of the answer, one of {@link FAULT_KINDS}. */
  fault?: string;
}

/**
 * The answers a request can ask for, each as `Prefer: <name>=<value>` or as the query parameter `__<name>=<value>`:
 * what this stage reads, and what the landing page lists.
 */
export const PREFERENCES = [
  { name: "code", value: "<status>", what: "answer with this status, one the operation documents" },
  { name: "example", value: "<name>", what: "answer with this named example of the operation, at its own status" },
  { name: "dynamic", value: "true", what: "generate a varied body from the schema (false: the documented example)" },
  { name: "delay", value: "<ms>", what: `answer after this many milliseconds, 0 to ${MAX_DELAY_MS}` },
  {
    name: "fault",
    value: "<kind>",
    what:
      `fail instead of answering, state untouched: ${FAULT_KINDS.join(", ")} (connection reset, no answer until ` +
      "the client gives up, a body cut half-way, 503 unavailable)",
  },
] as const;

/** Splits `Prefer: code=400, example=malformed_json` (RFC 7240: `,` or `;` between preferences) into pairs. */
export function parsePrefer(header: string): Map<string, string> {
  const preferences = new Map<string, string>();
  for (const part of header.split(/[,;]/)) {
    const separator = part.indexOf("=");
    if (separator < 0) continue;
    const value = part.slice(separator + 1).trim();
    preferences.set(part.slice(0, separator).trim().toLowerCase(), value.replace(/^"(.*)"$/, "$1"));
  }
  return preferences;
}

/**
 * Reads what a request prefers. As in Prism, a `Prefer` header wins over the query forms (which exist for links
 * and `<img>`s, where no header can be set); a request that asks for nothing returns undefined.
 */
export function readPreference(
  prefer: string | null | undefined,
  query: URLSearchParams | undefined,
): Preference | undefined {
  const fromHeader = prefer === null || prefer === undefined ? undefined : parsePrefer(prefer);
  const preference: Preference = { source: fromHeader ? "Prefer" : "query" };
  let asked = false;
  for (const { name } of PREFERENCES) {
    const value = fromHeader ? fromHeader.get(name) : (query?.get(`__${name}`) ?? undefined);
    if (value !== undefined) {
      preference[name] = value;
      asked = true;
    }
  }
  return asked ? preference : undefined;
}
