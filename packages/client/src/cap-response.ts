/**
 * The most bytes of a response body the client reads: 4 MiB. eTelecom's answers are a few KiB (a page of 100 OAs
 * is about 80 KiB); past the cap the rest is not downloaded and the call rejects with EtelecomInvalidResponseError.
 */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** What the client tells itself about the body it read. */
export interface BodyReading {
  /**
   * What was read of a body that went past MAX_RESPONSE_BYTES, or undefined when none did. It is kept here rather
   * than handed on: cut text is not JSON, and JSON.parse takes half a second to fail on 4 MiB of nested brackets.
   */
  cut?: string;
}

/**
 * Reads a body as UTF-8 text, as `Response.text()` does, but no further than MAX_RESPONSE_BYTES: past it, the
 * source is cancelled, which closes the connection, the text read so far becomes `reading.cut`, and "" is returned.
 * No header is trusted for the size: an injected `fetch` may say anything, and a compressed body's Content-Length
 * is not its size.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null | undefined,
  reading: BodyReading,
): Promise<string> {
  // openapi-fetch hands no stream over for a Content-Length: 0 answer.
  if (!body) return "";
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > MAX_RESPONSE_BYTES) {
      text += decoder.decode(value.subarray(0, value.byteLength - (received - MAX_RESPONSE_BYTES)));
      reading.cut = text;
      await reader.cancel();
      return "";
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * What capErrorBodies throws for an answer whose status no Response can be rebuilt with (below 200 or above 599, as
 * a server writing its own status line can send): the server did answer, so the client makes it an
 * EtelecomInvalidResponseError, not a failure to reach eTelecom.
 */
export class UnusualStatus extends Error {
  constructor(
    readonly status: number,
    /** The body as read, which is cut at MAX_RESPONSE_BYTES when `cut` says so. */
    readonly text: string,
    readonly cut: boolean,
  ) {
    super(`eTelecom answered with status ${status}`);
  }
}

/**
 * Wraps `fetch` so that openapi-fetch, which reads an error body in full, with no limit, before the client sees it,
 * gets one already read with {@link readCapped}. A 2xx body is left to the client, which reads it the same way from
 * openapi-fetch's stream; and so is a browser's opaque redirect, which has no body to read.
 */
export function capErrorBodies(fetch: typeof globalThis.fetch, reading: BodyReading): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (response.ok || response.type === "opaqueredirect") return response;
    const { status, statusText, headers } = response;
    const text = await readCapped(response.body, reading);
    if (status < 200 || status > 599) throw new UnusualStatus(status, reading.cut ?? text, reading.cut !== undefined);
    // A 304 cannot carry a body (and has none on the wire): the client refuses it all the same.
    return new Response(status === 304 ? null : text, { status, statusText, headers });
  };
}
