import { maxHeaderSize } from "node:http";
import type { Duplex } from "node:stream";
import type { Connection } from "./connections.js";
import { writeRawError } from "./raw-answer.js";

/**
 * Answers what Node could not parse as a request, as JSON where Node would answer an empty body: 408 after the
 * request timeout, 431 for headers and URL over Node's limit, 400 for the rest. Requests parsed before the bad bytes
 * are answered first, in order; one whose body the bad bytes broke is answered by the engine (its body unreadable),
 * and the connection then closes.
 */
export function answerClientError(
  failure: NodeJS.ErrnoException,
  socket: Duplex,
  connection: Connection,
  requestTimeout: number,
): void {
  if (failure.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  if (failure.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    for (const { abort } of connection.open) abort?.("the request timed out");
    if (connection.writing) socket.destroy();
    else writeRawError(socket, 408, "invalid_argument", `request: not received within ${requestTimeout} ms`);
    return;
  }
  const [status, msg] =
    failure.code === "HPE_HEADER_OVERFLOW"
      ? [431, `request: headers and URL must be at most ${maxHeaderSize / 1024} KiB`]
      : [400, `request: is not valid HTTP/1.1 (${failure.code})`];
  const broken = [...connection.open].filter(({ incoming }) => !incoming.complete);
  for (const { abort } of broken) abort?.("the rest of the request is not valid HTTP/1.1");
  const finish = () => (broken.length > 0 ? socket.end() : writeRawError(socket, status, "invalid_argument", msg));
  if (connection.open.size === 0) finish();
  else connection.whenIdle = finish;
}
