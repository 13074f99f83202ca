import type { Answer } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";

/** CORS for any origin: the origin is echoed so browsers may also send credentials. */
function corsHeaders(request: MockRequest): Record<string, string> {
  const origin = request.headers.get("origin");
  return origin
    ? { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" }
    : { "access-control-allow-origin": "*" };
}

/**
 * The answer to a CORS preflight: whatever method and headers the page asks for (`Authorization` too) are allowed,
 * unless `grant` is false: then it says nothing of CORS, and the browser keeps the page's request from being sent.
 */
export function preflight(request: MockRequest, grant = true): Answer {
  if (!grant) return { status: 204, cors: false, why: "CORS preflight refused" };
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
  const headers: Record<string, string> = { ...(answer.cors !== false && corsHeaders(request)), ...answer.headers };
  if (answer.type !== undefined) headers["content-type"] = answer.type;
  return headers;
}

/** Turns an answer into the `Response` a fetch transport sends. */
export function toResponse(answer: Answer, request: MockRequest): Response {
  return new Response(answer.body ?? null, { status: answer.status, headers: answerHeaders(answer, request) });
}
