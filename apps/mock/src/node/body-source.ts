import type { IncomingMessage } from "node:http";

/** After answering, the mock reads and drops at most this much of a body it did not read, then closes the socket. */
export const DISCARD_LIMIT = 64 * 1024 * 1024;

/** A Node request body for the engine, which the mock can stop reading and later drain. */
export interface BodySource {
  /** The body: whole, or as a stream when its size is unknown or over `limit` (the engine reads what it needs). */
  body: Promise<Uint8Array | ReadableStream<Uint8Array>>;
  /** Ends the body with an error: the connection broke or timed out before it ended. */
  abort(reason: string): void;
}

/**
 * The body of `incoming`. One whose `Content-Length` is within `limit`, nearly every request, is read into one
 * buffer, the cheapest form for the engine; any other is streamed on demand, so that a body over the limit is refused
 * without being read. A body that breaks off becomes a stream that fails, as a streamed one would.
 */
export function bodySource(incoming: IncomingMessage, limit: number): BodySource {
  const declared = incoming.headers["content-length"];
  if (declared === undefined || !(Number(declared) <= limit)) {
    const { stream, abort } = streamed(incoming);
    return { body: Promise.resolve(stream), abort };
  }
  let settle: (body: () => Uint8Array | ReadableStream<Uint8Array>) => void = () => {};
  const body = new Promise<Uint8Array | ReadableStream<Uint8Array>>((resolve) => {
    let settled = false;
    // Made only when it is the answer: 'close' follows 'end' on every request, and a stream is not free.
    settle = (make) => {
      if (settled) return;
      settled = true;
      resolve(make());
    };
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.once("end", () => settle(() => (chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks))));
    incoming.once("close", () => settle(() => failed("the connection closed")));
  });
  return { body, abort: (reason) => settle(() => failed(reason)) };
}

/** A body that broke off, as the stream the engine reads it from: it fails with `reason`. */
function failed(reason: string): ReadableStream<Uint8Array> {
  return new ReadableStream({ start: (controller) => controller.error(new Error(reason)) });
}

/** Streams `incoming` on demand (paused while the reader is full), so that nothing past what is read is buffered. */
function streamed(incoming: IncomingMessage): { stream: ReadableStream<Uint8Array>; abort(reason: string): void } {
  let settled = false;
  let control: ReadableStreamDefaultController<Uint8Array> | undefined;
  const settle = (finish: (controller: ReadableStreamDefaultController<Uint8Array>) => void) => {
    if (settled || control === undefined) return;
    settled = true;
    finish(control);
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      control = controller;
      incoming.on("data", (chunk: Buffer) => {
        if (settled) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
      });
      incoming.once("end", () => settle((ended) => ended.close()));
      incoming.once("close", () => settle((broken) => broken.error(new Error("the connection closed"))));
      incoming.pause();
    },
    pull() {
      incoming.resume();
    },
    cancel() {
      settled = true;
    },
  });
  return { stream, abort: (reason: string) => settle((broken) => broken.error(new Error(reason))) };
}

/** Waits for the rest of a body the mock did not read, dropping it; past {@link DISCARD_LIMIT}, cuts the client off. */
export function drain(incoming: IncomingMessage): Promise<void> {
  if (incoming.complete || incoming.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let dropped = 0;
    incoming.removeAllListeners("data");
    incoming.on("data", (chunk: Buffer) => {
      dropped += chunk.byteLength;
      if (dropped > DISCARD_LIMIT) incoming.socket.destroy();
    });
    incoming.once("end", resolve);
    incoming.once("close", resolve);
    incoming.resume();
  });
}
