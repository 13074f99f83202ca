import { bearerKey } from "../auth/authenticate.js";
import { type Answer, apiError, invalidArgument, json } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";
import { readBody } from "../core/read-body.js";
import type { ViolationReport } from "../proxy/violations.js";
import type { Store } from "../store/store.js";

/** A route outside the API: not in the spec, and answered before it. */
export interface Page {
  method: "GET" | "POST";
  path: string;
  /** A page browsers on other sites must not reach: its CORS preflight grants nothing. */
  control?: boolean;
  answer(request: MockRequest, url: URL): Answer | Promise<Answer>;
}

/**
 * `POST /__reset`. With `Authorization: Bearer <key>`, forgets that key only (test files that share one mock keep
 * each other's state); `{"all": true}` forgets every key. It takes JSON only: a page on another site can send a
 * form or `text/plain` without asking first, and must not wipe a developer's mock; JSON needs a preflight, which the
 * mock does not grant to its control endpoints. Either form is a few Map operations, whatever the store holds:
 * fixtures come back to a key on its next use.
 */
async function reset(store: Store, request: MockRequest): Promise<Answer> {
  const type = request.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return invalidArgument(
      'Content-Type: must be application/json (send {} with a Bearer key to reset that key, or {"all": true})',
    );
  }
  const read = await readBody(request);
  if ("refused" in read) return invalidArgument(read.refused);
  let body: unknown = {};
  try {
    if (read.bytes.length > 0) body = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch {
    return invalidArgument("body: is not valid JSON");
  }
  const { all, ...rest } = (typeof body === "object" && body !== null && !Array.isArray(body) ? body : { body }) as {
    all?: unknown;
  };
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return invalidArgument(`${extra}: is not a known field (only "all")`);
  if (all !== undefined && typeof all !== "boolean") return invalidArgument("all: must be true or false");
  if (all === true) {
    store.resetAll();
    return json(200, { status: "reset", scope: "all" }, "every key reset");
  }
  const key = bearerKey(request.headers.get("authorization"));
  if (key === undefined) {
    return apiError(401, "unauthenticated", 'missing Authorization header: send the key to reset, or {"all": true}');
  }
  store.resetKey(key);
  return json(200, { status: "reset", scope: "key" }, "one key reset");
}

/** The mock's own control endpoints: `/__health` and `/__reset`. */
export function controlPages(store: Store): Page[] {
  return [
    { method: "GET", path: "/__health", answer: () => json(200, { status: "ok" }, "health") },
    { method: "POST", path: "/__reset", control: true, answer: (request) => reset(store, request) },
  ];
}

/**
 * `GET /__violations`: what the proxy has found wrong with requests and eTelecom's answers, as JSON, the latest
 * ones oldest first; without a proxy nothing is checked, and the list stays empty.
 */
export function violationsPage(report: () => ViolationReport): Page {
  return { method: "GET", path: "/__violations", answer: () => json(200, report(), "violations") };
}
