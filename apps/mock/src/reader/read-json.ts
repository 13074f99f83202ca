import { type Answer, invalidArgument } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";
import { readBody } from "../core/read-body.js";

/**
 * The body as JSON (undefined when there was none), whether one was sent, and its bytes; or the 400 it gets, with
 * the bytes when they were read whole but are not JSON (the proxy forwards them as they came).
 */
export type Read = { body: unknown; sent: boolean; bytes: Uint8Array } | { answer: Answer; bytes?: Uint8Array };

/** Stage 3, read: the body, up to the mock's limit, as UTF-8 JSON. */
export async function readJson(request: MockRequest): Promise<Read> {
  const read = await readBody(request);
  if ("refused" in read) {
    // The rest of a body too large is not read: the connection cannot carry another request after it.
    return { answer: { ...invalidArgument(read.refused), ...(read.tooLarge && { headers: { connection: "close" } }) } };
  }
  const { bytes } = read;
  if (bytes.length === 0) return { body: undefined, sent: false, bytes };
  try {
    return { body: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), sent: true, bytes };
  } catch {
    return { answer: invalidArgument("body: is not valid JSON"), bytes };
  }
}
