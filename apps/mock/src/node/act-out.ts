import type { IncomingMessage, ServerResponse } from "node:http";
import { answerHeaders } from "../answer/to-response.js";
import type { Answer } from "../core/answer.js";
import { wait } from "../core/faults.js";
import type { MockRequest } from "../core/mock-request.js";

/**
 * Acts out an answer's delay and fault on the socket: a reset destroys it with an RST, a truncated answer writes its
 * head and half its body and then destroys it, a timeout holds the request, answering nothing, until the client
 * closes, or until `holdLimit` (the server's own request timeout) passes and the mock closes it. A delay ends early
 * when the client goes away. Resolves to whether the answer is still to be sent as usual; every timer is cleared
 * when the socket closes, so a client that gives up (or a server closing) leaves nothing behind.
 */
export async function actOut(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  answer: Answer,
  request: MockRequest,
  holdLimit: number,
): Promise<boolean> {
  const gone = new AbortController();
  const abort = () => gone.abort();
  outgoing.once("close", abort);
  try {
    if (answer.delay !== undefined && !(await wait(answer.delay, gone.signal))) return false;
    const { socket } = incoming;
    if (answer.fault === "reset") {
      socket.resetAndDestroy();
    } else if (answer.fault === "timeout") {
      if (await wait(holdLimit, gone.signal)) socket.destroy();
    } else if (answer.fault === "truncated") {
      const body = Buffer.from(answer.body ?? "");
      outgoing.writeHead(answer.status, { ...answerHeaders(answer, request), "content-length": body.byteLength });
      outgoing.write(body.subarray(0, body.byteLength >> 1), () => socket.destroy());
    }
    return answer.fault === undefined;
  } finally {
    outgoing.off("close", abort);
  }
}
