import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

/** CORS for any origin: the origin is echoed so browsers may also send credentials. */
function corsHeaders(request: IncomingMessage): OutgoingHttpHeaders {
  const origin = request.headers.origin;
  return origin
    ? { "access-control-allow-origin": origin, "access-control-allow-credentials": "true", vary: "Origin" }
    : { "access-control-allow-origin": "*" };
}

/** Answers with a JSON body; every answer of the mock, error or not, goes through here. */
export function respond(request: IncomingMessage, response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...corsHeaders(request),
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  response.end(text);
}

/** Answers a CORS preflight: whatever method and headers the page asks for (including `Authorization`) are allowed. */
export function respondToPreflight(request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(204, {
    ...corsHeaders(request),
    "access-control-allow-methods": request.headers["access-control-request-method"] ?? "POST",
    "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "Authorization, Content-Type",
    "access-control-max-age": "86400",
  });
  response.end();
}
