import type { Operation } from "./types.js";

/** The response a request asks for through `Prefer` or the `__code`/`__example`/`__dynamic` query. */
export interface Scenario {
  code?: number;
  exampleKey?: string;
  dynamic?: boolean;
}

/** The documented responses of one operation: each status, and the status each named example belongs to. */
export interface Catalogue {
  statuses: number[];
  exampleStatus: Map<string, number>;
}

/** Lists an operation's documented statuses and example names once, so a bad `Prefer` is caught before Prism. */
export function catalogue(operation: Operation): Catalogue {
  const exampleStatus = new Map<string, number>();
  const statuses: number[] = [];
  for (const response of operation.responses) {
    const status = Number(response.code);
    statuses.push(status);
    for (const content of response.contents ?? []) {
      for (const example of content.examples ?? []) exampleStatus.set(example.key, status);
    }
  }
  return { statuses, exampleStatus };
}

/** Splits `Prefer: code=400, example=missing_field` (RFC 7240, `,` or `;` between preferences) into pairs. */
function parsePrefer(header: string): Map<string, string> {
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
 * Reads the scenario a request asks for: the `Prefer` header wins over the query forms, as in Prism.
 * An example name alone selects its own status, so `Prefer: example=missing_field` needs no `code=400`.
 * Returns an `invalid_argument` msg when the request asks for a response the spec does not document.
 */
export function readScenario(
  prefer: string | undefined,
  query: URLSearchParams | undefined,
  documented: Catalogue,
): Scenario | string {
  const problem = (name: string, what: string) =>
    prefer === undefined ? `__${name}: ${what}` : `Prefer: ${name} ${what}`;
  const preferences = prefer === undefined ? undefined : parsePrefer(prefer);
  const read = (name: string) => (preferences ? preferences.get(name) : (query?.get(`__${name}`) ?? undefined));
  const code = read("code");
  const exampleKey = read("example");
  const dynamic = read("dynamic");
  const scenario: Scenario = {};
  if (code !== undefined) {
    scenario.code = Number(code);
    if (!/^\d{3}$/.test(code) || !documented.statuses.includes(scenario.code)) {
      return problem("code", `must be a documented status (${documented.statuses.join(", ")})`);
    }
  }
  if (exampleKey !== undefined) {
    const status = documented.exampleStatus.get(exampleKey);
    if (status === undefined) {
      return problem("example", `must be a documented example (${[...documented.exampleStatus.keys()].join(", ")})`);
    }
    if (scenario.code !== undefined && scenario.code !== status) {
      return problem("example", `${exampleKey} belongs to status ${status}, not ${scenario.code}`);
    }
    scenario.code = status;
    scenario.exampleKey = exampleKey;
  }
  if (dynamic !== undefined) {
    if (dynamic !== "true" && dynamic !== "false") return problem("dynamic", "must be true or false");
    scenario.dynamic = dynamic === "true";
  }
  return scenario;
}
