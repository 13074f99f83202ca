/**
 * The most bytes of a response body the client reads: 4 MiB. eTelecom's answers are a few KiB (a page of 100 OAs
 * is about 80 KiB); past the cap the rest is not downloaded and the call rejects with EtelecomInvalidResponseError.
 */
export const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** What a capped `fetch` tells its caller about the body it read. */
export interface BodyReading {
  /** The body went past MAX_RESPONSE_BYTES and was cut there. */
  overflow: boolean;
}

/**
 * Wraps `fetch` so that a response body ends after MAX_RESPONSE_BYTES: the source is then cancelled, which closes
 * the connection, and `reading.overflow` is set. Done at the fetch level because openapi-fetch reads an error body
 * in full, with no limit, before the client sees it.
 */
export function capResponses(fetch: typeof globalThis.fetch, reading: BodyReading): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const source = response.body;
    if (source === null) return response;
    const reader = source.getReader();
    let received = 0;
    const capped = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        received += value.byteLength;
        if (received <= MAX_RESPONSE_BYTES) return controller.enqueue(value);
        reading.overflow = true;
        controller.enqueue(value.subarray(0, value.byteLength - (received - MAX_RESPONSE_BYTES)));
        controller.close();
        await reader.cancel();
      },
      cancel: (reason) => reader.cancel(reason),
    });
    const { status, statusText, headers } = response;
    return new Response(capped, { status, statusText, headers });
  };
}
