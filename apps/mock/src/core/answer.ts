import type { TransportFault } from "./faults.js";

/** What the engine decided to answer, and why (for the verbose log); turned into a `Response` at the very end. */
export interface Answer {
  status: number;
  /** The body, already serialised. */
  body?: string;
  /** Its media type; every API answer is `application/json`. */
  type?: string;
  headers?: Record<string, string>;
  /** False for an answer that must not carry CORS headers (a refused preflight); CORS for any origin otherwise. */
  cors?: false;
  /** One short line saying what decided this answer: never a key, a secret or a body. */
  why: string;
  /** Milliseconds the transport waits before answering (`Prefer: delay`, `--latency`), less if the client goes. */
  delay?: number;
  /** What the transport does instead of sending the answer whole (`Prefer: fault`, `--fault-rate`). */
  fault?: TransportFault;
}

/** A JSON answer. */
export function json(status: number, value: unknown, why: string): Answer {
  return { status, body: JSON.stringify(value), type: "application/json", why };
}

/** eTelecom's `{ code, msg }` error. */
export function apiError(status: number, code: string, msg: string, why = `${code}: ${msg}`): Answer {
  return json(status, { code, msg }, why);
}

/** A 400 `invalid_argument`, the answer to every request the mock cannot take as sent. */
export function invalidArgument(msg: string): Answer {
  return apiError(400, "invalid_argument", msg);
}

/** An HTML page. */
export function html(status: number, page: string, why: string): Answer {
  return { status, body: page, type: "text/html; charset=utf-8", why };
}

/** A `302 Found` to `location`. */
export function redirect(location: string, why: string): Answer {
  return { status: 302, headers: { location }, why };
}
