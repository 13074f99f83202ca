import type { IncomingMessage, ServerResponse } from "node:http";
import { answerHeaders } from "../answer/to-response.js";
import type { Answer } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";
import { drain } from "./body-source.js";

/** Writes the engine's answer to `request` as Node's answer. */
export function sendAnswer(incoming: IncomingMessage, outgoing: ServerResponse, answer: Answer, request: MockRequest) {
  return send(incoming, outgoing, answer.status, answerHeaders(answer, request), answer.body ?? "");
}

/** Writes a fetch `Response` (the reference's files, the adapter's own errors) as Node's answer. */
export async function sendResponse(incoming: IncomingMessage, outgoing: ServerResponse, response: Response) {
  const body = new Uint8Array(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return send(incoming, outgoing, response.status, headers, body);
}

/**
 * Writes an answer. When the request's body was not all read (refused, or not needed), the answer is written whole
 * at once but ended only once the client has sent the rest: closing earlier would cut the client off before it reads
 * the answer (Node's fetch then fails with EPIPE).
 */
async function send(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  status: number,
  headers: Record<string, string>,
  // A string where there is one: Node writes the head and a string body in one write, a Buffer with writev, which
  // cost the mock a third of its CPU under load.
  body: string | Uint8Array,
) {
  if (outgoing.destroyed) return;
  const length = typeof body === "string" ? Buffer.byteLength(body) : body.byteLength;
  outgoing.writeHead(status, { ...headers, "content-length": length });
  if (incoming.complete) {
    outgoing.end(body);
    return;
  }
  outgoing.write(body);
  await drain(incoming);
  outgoing.end();
}
