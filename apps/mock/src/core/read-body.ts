/** Bodies above this size are refused unread; eTelecom documents no limit (see the spec's InvalidArgument). */
export const BODY_LIMIT = 1024 * 1024;

/** A body read whole, or the `msg` saying why it was not (too large, or the transport broke off). */
export type Body = { bytes: Uint8Array } | { refused: string; tooLarge: boolean };

const tooLarge: Body = { refused: `body: must be at most 1 MiB (${BODY_LIMIT} bytes)`, tooLarge: true };

import type { MockRequest } from "./mock-request.js";

/**
 * Reads a request body up to {@link BODY_LIMIT} bytes. Refuses it as soon as it is known to be larger: from
 * `Content-Length` without reading anything, or by cancelling the stream once past the limit.
 */
export async function readBody(request: MockRequest): Promise<Body> {
  if (Number(request.headers.get("content-length")) > BODY_LIMIT) return tooLarge;
  const { body } = request;
  if (body === null) return { bytes: new Uint8Array(0) };
  if (body instanceof Uint8Array) return body.byteLength > BODY_LIMIT ? tooLarge : { bytes: body };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > BODY_LIMIT) {
        // Not awaited: a cloned request's stream is one branch of a tee, whose cancel settles only once the other
        // branch is read or cancelled too, which the caller (MSW keeps the original) may never do.
        reader.cancel().catch(() => undefined);
        return tooLarge;
      }
      chunks.push(value);
    }
  } catch (failure) {
    return { refused: `body: could not be read (${(failure as Error).message})`, tooLarge: false };
  }
  if (chunks.length === 1) return { bytes: chunks[0] as Uint8Array };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes };
}
