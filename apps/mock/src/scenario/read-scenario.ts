import type { SpecOperation } from "@etelecom-zalo/openapi";
import { FAULT_KINDS, type FaultKind, MAX_DELAY_MS } from "../core/faults.js";
import type { MockRequest } from "../core/mock-request.js";
import { PREFERENCES, readPreference } from "./read-preference.js";

/** The response a request asks for through `Prefer` or the `__code`/`__example`/`__dynamic`/… query. */
export interface Scenario {
  status?: number;
  example?: string;
  dynamic?: boolean;
  /** Milliseconds to wait before answering. */
  delay?: number;
  /** A fault instead of the answer. */
  fault?: FaultKind;
  /** How it was asked, for the log: `Prefer: code=500` or `__example=internal`. */
  asked?: string;
}

/**
 * Reads the scenario a request asks for and checks it against what the operation documents. An example name alone
 * selects its own status, so `Prefer: example=malformed_json` needs no `code=400`. Returns an `invalid_argument`
 * msg when the request asks for a response the spec does not document.
 */
export function readScenario(request: MockRequest, url: URL, operation: SpecOperation): Scenario | string {
  const prefer = request.headers.get("prefer");
  const preference = readPreference(prefer, url.searchParams);
  if (preference === undefined) return {};
  const fromHeader = preference.source === "Prefer";
  const problem = (name: string, what: string) => (fromHeader ? `Prefer: ${name} ${what}` : `__${name}: ${what}`);
  const statuses = operation.responses.map((response) => response.status);
  const exampleStatus = new Map<string, number>();
  for (const { status, examples } of operation.responses) {
    for (const name of examples.keys()) if (!exampleStatus.has(name)) exampleStatus.set(name, status);
  }
  const scenario: Scenario = {
    asked: fromHeader
      ? `Prefer: ${prefer}`
      : PREFERENCES.map(({ name }) => name)
          .filter((name) => preference[name] !== undefined)
          .map((name) => `__${name}=${preference[name]}`)
          .join("&"),
  };
  const { code, example, dynamic, delay, fault } = preference;
  if (code !== undefined) {
    scenario.status = Number(code);
    if (!/^\d{3}$/.test(code) || !statuses.includes(scenario.status)) {
      return problem("code", `must be a documented status (${statuses.join(", ")})`);
    }
  }
  if (example !== undefined) {
    const status = exampleStatus.get(example);
    if (status === undefined) {
      return problem("example", `must be a documented example (${[...exampleStatus.keys()].join(", ")})`);
    }
    if (scenario.status !== undefined && scenario.status !== status) {
      return problem("example", `${example} belongs to status ${status}, not ${scenario.status}`);
    }
    scenario.status = status;
    scenario.example = example;
  }
  if (dynamic !== undefined) {
    if (dynamic !== "true" && dynamic !== "false") return problem("dynamic", "must be true or false");
    scenario.dynamic = dynamic === "true";
  }
  if (delay !== undefined) {
    if (!/^\d+$/.test(delay) || Number(delay) > MAX_DELAY_MS) {
      return problem("delay", `must be a whole number of milliseconds from 0 to ${MAX_DELAY_MS}`);
    }
    scenario.delay = Number(delay);
  }
  if (fault !== undefined) {
    if (!(FAULT_KINDS as readonly string[]).includes(fault))
      return problem("fault", `must be ${FAULT_KINDS.join(", ")}`);
    scenario.fault = fault as FaultKind;
  }
  return scenario;
}
