import type { IncomingMessage, ServerResponse } from "node:http";
import { drain } from "./body-source.js";

/**
 * Writes a fetch `Response` as Node's answer. When the request's body was not all read (refused, or not needed),
 * the answer is written whole at once but ended only once the client has sent the rest: closing earlier would cut
 * the client off before it reads the answer (Node's fetch then fails with EPIPE).
 */
export async function sendResponse(incoming: IncomingMessage, outgoing: ServerResponse, response: Response) {
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (outgoing.destroyed) return;
  outgoing.writeHead(response.status, { ...headers, "content-length": body.byteLength });
  if (incoming.complete) {
    outgoing.end(body);
    return;
  }
  outgoing.write(body);
  await drain(incoming);
  outgoing.end();
}
