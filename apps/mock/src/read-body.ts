import type { IncomingMessage } from "node:http";

/** Reads a request body up to `limit` bytes; resolves `undefined` as soon as it is known to be larger. */
export function readBody(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(request.headers["content-length"]) > limit) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop collecting: the rest is drained by Node and dropped, never held in memory.
        request.off("data", onData);
        chunks.length = 0;
        resolve(undefined);
      } else {
        chunks.push(chunk);
      }
    };
    request.on("data", onData);
    request.once("end", () => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
    request.once("error", reject);
  });
}
