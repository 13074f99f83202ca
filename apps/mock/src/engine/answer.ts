import type { MockRequest } from "./mock-request.js";

/** What the engine decided to answer, and why (for the verbose log); turned into a `Response` at the very end. */
export interface Answer {
  status: number;
  /** The body, already serialised. */
  body?: string;
  /** Its media type; every API answer is `application/json`. */
  type?: string;
  headers?: Record<string, string>;
  /** One short line saying what decided this answer: never a key, a secret or a body. */
  why: string;
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

/** CORS for any origin: the origin is echoed so browsers may also send credentials. */
function corsHeaders(request: MockRequest): Record<string, string> {
  const origin = request.headers.get("origin");
  return origin
    ? { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" }
    : { "access-control-allow-origin": "*" };
}

/** The answer to a CORS preflight: whatever method and headers the page asks for (`Authorization` too) are allowed. */
export function preflight(request: MockRequest): Answer {
  return {
    status: 204,
    headers: {
      "access-control-allow-methods": request.headers.get("access-control-request-method") ?? "POST",
      "access-control-allow-headers":
        request.headers.get("access-control-request-headers") ?? "Authorization, Content-Type",
      "access-control-max-age": "86400",
    },
    why: "CORS preflight",
  };
}

/** Every header of an answer to `request`: CORS, the answer's own, and its media type. */
export function answerHeaders(answer: Answer, request: MockRequest): Record<string, string> {
  const headers: Record<string, string> = { ...corsHeaders(request), ...answer.headers };
  if (answer.type !== undefined) headers["content-type"] = answer.type;
  return headers;
}

/** Turns an answer into the `Response` a fetch transport sends. */
export function toResponse(answer: Answer, request: MockRequest): Response {
  return new Response(answer.body ?? null, { status: answer.status, headers: answerHeaders(answer, request) });
}
