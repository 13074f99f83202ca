/**
 * What the engine reads of a request. A fetch `Request` is one, which is what `handle` takes (MSW, tests); the
 * node:http adapter makes a lighter one, with the body already read, because building a `Request` and a `Response`
 * per call, with their streams and signal, cost it two thirds of its throughput.
 */
export interface MockRequest {
  readonly method: string;
  /** The absolute URL. */
  readonly url: string;
  readonly headers: Headers;
  /** The body: read whole already, still to be read (up to the engine's limit), or none. */
  readonly body: Uint8Array | ReadableStream<Uint8Array> | null;
}
