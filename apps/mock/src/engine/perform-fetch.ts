import { answerHeaders, toResponse } from "../answer/to-response.js";
import type { Answer } from "../core/answer.js";
import { untilAborted, wait } from "../core/faults.js";

/**
 * An answer's delay and fault acted out for a fetch transport (`handle`, the MSW handlers): a reset is
 * `Response.error()`, which fetch (MSW's included) turns into a network error; a timeout answers nothing until the
 * request's signal aborts, holding no timer; a truncated answer's body stream fails half-way. A delay ends early,
 * with the same network error, when the request's signal aborts: the client has gone, and nothing is left waiting.
 */
export async function performFetch(answer: Answer, request: Request): Promise<Response> {
  const { signal } = request;
  if (answer.delay !== undefined && !(await wait(answer.delay, signal))) return Response.error();
  if (answer.fault === "reset") return Response.error();
  if (answer.fault === "timeout") {
    await untilAborted(signal);
    return Response.error();
  }
  if (answer.fault === "truncated") {
    const body = new TextEncoder().encode(answer.body ?? "");
    const half = body.subarray(0, Math.floor(body.byteLength / 2));
    const stream = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(half),
      // Called once the first half is read: the rest never comes, as when a server's connection drops mid-body.
      pull: (controller) => controller.error(new TypeError("terminated: the body was cut half-way (fault truncated)")),
    });
    // The whole body's length, as the server announced it before the connection dropped.
    const headers = { ...answerHeaders(answer, request), "content-length": String(body.byteLength) };
    return new Response(stream, { status: answer.status, headers });
  }
  return toResponse(answer, request);
}
