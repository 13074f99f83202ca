import { type Answer, invalidArgument } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";
import { readBody } from "../core/read-body.js";

/** The body as JSON (undefined when there was none) and whether one was sent, or the 400 it gets. */
export type Read = { body: unknown; sent: boolean } | { answer: Answer };

/** Stage 3, read: the body, up to the mock's limit, as UTF-8 JSON. */
export async function readJson(request: MockRequest): Promise<Read> {
  const read = await readBody(request);
  if ("refused" in read) {
    // The rest of a body too large is not read: the connection cannot carry another request after it.
    return { answer: { ...invalidArgument(read.refused), ...(read.tooLarge && { headers: { connection: "close" } }) } };
  }
  const { bytes } = read;
  if (bytes.length === 0) return { body: undefined, sent: false };
  try {
    return { body: JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes)), sent: true };
  } catch {
    return { answer: invalidArgument("body: is not valid JSON") };
  }
}
