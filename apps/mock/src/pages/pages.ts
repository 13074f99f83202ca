import { bearerKey } from "../auth/authenticate.js";
import { type Answer, apiError, invalidArgument, json } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";
import { readBody } from "../core/read-body.js";
import type { ViolationReport } from "../proxy/violations.js";
import type { Clock } from "../store/clock.js";
import type { Store } from "../store/store.js";
import { isoTime } from "../store/time.js";

/** A route outside the API: not in the spec, and answered before it. */
export interface Page {
  method: "GET" | "POST";
  path: string;
  /** A page browsers on other sites must not reach: its CORS preflight grants nothing. */
  control?: boolean;
  answer(request: MockRequest, url: URL): Answer | Promise<Answer>;
}

/**
 * The JSON object a control endpoint was sent, or the 400 that refuses it. Control endpoints take JSON only: a page on
 * another site can send a form or `text/plain` without asking first, and must not wipe or move a developer's mock;
 * JSON needs a preflight, which the mock does not grant to its control endpoints.
 */
export async function controlBody(
  request: MockRequest,
  usage: string,
): Promise<{ body: Record<string, unknown> } | { refused: Answer }> {
  const type = request.headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase();
  if (type !== "application/json") {
    return { refused: invalidArgument(`Content-Type: must be application/json (${usage})`) };
  }
  const read = await readBody(request);
  if ("refused" in read) return { refused: invalidArgument(read.refused) };
  let body: unknown = {};
  try {
    if (read.bytes.length > 0) body = JSON.parse(new TextDecoder().decode(read.bytes));
  } catch {
    return { refused: invalidArgument("body: is not valid JSON") };
  }
  return typeof body === "object" && body !== null && !Array.isArray(body)
    ? { body: body as Record<string, unknown> }
    : { refused: invalidArgument("body: must be an object") };
}

/**
 * `POST /__reset`. With `Authorization: Bearer <key>`, forgets that key only (test files that share one mock keep
 * each other's state); `{"all": true}` forgets every key and rewinds the clock, as a fresh mock. Either form is a
 * few Map operations, whatever the store holds: fixtures come back to a key on its next use.
 */
async function reset(store: Store, clock: Clock, request: MockRequest): Promise<Answer> {
  const read = await controlBody(request, 'send {} with a Bearer key to reset that key, or {"all": true}');
  if ("refused" in read) return read.refused;
  const { all, ...rest } = read.body;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return invalidArgument(`${extra}: is not a known field (only "all")`);
  if (all !== undefined && typeof all !== "boolean") return invalidArgument("all: must be true or false");
  if (all === true) {
    store.resetAll();
    clock.rewind();
    return json(200, { status: "reset", scope: "all" }, "every key reset");
  }
  const key = bearerKey(request.headers.get("authorization"));
  if (key === undefined) {
    return apiError(401, "unauthenticated", 'missing Authorization header: send the key to reset, or {"all": true}');
  }
  store.resetKey(key);
  return json(200, { status: "reset", scope: "key" }, "one key reset");
}

/** The most `POST /__clock` moves the clock at once: a year, past every expiry the mock keeps (3 months). */
const MAX_ADVANCE_MS = 366 * 24 * 60 * 60 * 1000;

/** What `/__clock` answers: the mock's time now, and how far it was moved. */
const clockState = (clock: Clock) => ({ now: isoTime(clock.now()), advanced_ms: clock.advanced() });

/**
 * `POST /__clock` with `{"advance_ms": N}`: moves the mock's clock forward for every key (a message's delivery, code
 * and link expiry, reply windows, journeys), so that tests never sleep.
 */
async function advance(clock: Clock, request: MockRequest): Promise<Answer> {
  const read = await controlBody(request, 'send {"advance_ms": <milliseconds>}');
  if ("refused" in read) return read.refused;
  const { advance_ms, ...rest } = read.body;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return invalidArgument(`${extra}: is not a known field (only "advance_ms")`);
  if (!Number.isSafeInteger(advance_ms) || (advance_ms as number) < 0 || (advance_ms as number) > MAX_ADVANCE_MS) {
    return invalidArgument(`advance_ms: must be a whole number of milliseconds from 0 to ${MAX_ADVANCE_MS}`);
  }
  await clock.advance(advance_ms as number);
  return json(200, clockState(clock), `clock moved ${String(advance_ms)} ms`);
}

/** The mock's own control endpoints: `/__health`, `/__reset` and `/__clock`. */
export function controlPages(store: Store, clock: Clock): Page[] {
  return [
    { method: "GET", path: "/__health", answer: () => json(200, { status: "ok" }, "health") },
    { method: "POST", path: "/__reset", control: true, answer: (request) => reset(store, clock, request) },
    { method: "GET", path: "/__clock", answer: () => json(200, clockState(clock), "clock") },
    { method: "POST", path: "/__clock", control: true, answer: (request) => advance(clock, request) },
  ];
}

/**
 * `GET /__violations`: what the proxy has found wrong with requests and eTelecom's answers, as JSON, the latest
 * ones oldest first; without a proxy nothing is checked, and the list stays empty.
 */
export function violationsPage(report: () => ViolationReport): Page {
  return { method: "GET", path: "/__violations", answer: () => json(200, report(), "violations") };
}
