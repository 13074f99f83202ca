import { STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";

/** The JSON error of an answer written by the adapter itself rather than by the engine. */
export function errorResponse(status: number, code: string, msg: string): Response {
  return new Response(JSON.stringify({ code, msg }), {
    status,
    headers: { "content-type": "application/json", "access-control-allow-origin": "*" },
  });
}

/**
 * Writes a JSON error straight onto a socket and closes it: for what Node refuses before there is a request to
 * answer (bytes that are not HTTP, a timeout, CONNECT), where Node's own answer would be empty or none at all.
 */
export function writeRawError(socket: Duplex, status: number, code: string, msg: string): void {
  const text = JSON.stringify({ code, msg });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
  );
}
