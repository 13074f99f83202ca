import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

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

/** Answers bytes Node cannot parse as HTTP: Node's own answer is an empty 400, and every answer here is JSON. */
export function respondToUnparsable(failure: NodeJS.ErrnoException, socket: Duplex): void {
  if (!socket.writable || failure.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const text = JSON.stringify({ code: "invalid_argument", msg: `request: is not valid HTTP/1.1 (${failure.code})` });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\n` +
      `connection: close\r\n\r\n${text}`,
  );
}
