import type { IncomingMessage } from "node:http";

/** After answering, the mock reads and drops at most this much of a body it did not read, then closes the socket. */
export const DISCARD_LIMIT = 64 * 1024 * 1024;

/** A Node request body as a web stream, which the mock can stop reading and later drain. */
export interface BodySource {
  stream: ReadableStream<Uint8Array>;
  /** Ends the stream with an error: the connection broke or timed out before the body ended. */
  abort(reason: string): void;
}

/** Streams `incoming` on demand (paused while the reader is full), so that nothing past what is read is buffered. */
export function bodySource(incoming: IncomingMessage): BodySource {
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
  return { stream, abort: (reason) => settle((broken) => broken.error(new Error(reason))) };
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
