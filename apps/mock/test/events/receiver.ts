import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";

/** One request a receiver got: its path, headers and raw body. */
export interface Received {
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/**
 * A webhook receiver on 127.0.0.1, port 0, for one test file: `/ok` answers 200, `/fail` 500, `/never` nothing, and
 * `/redirect` a 302 to `/ok`. Every request is kept; the server and its held requests end after the file.
 */
export function useReceiver() {
  const received: Received[] = [];
  const held: ServerResponse[] = [];
  const waiting: (() => void)[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "";
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      for (const wake of waiting.splice(0)) wake();
      if (path.startsWith("/ok")) response.writeHead(200).end("thanks");
      else if (path.startsWith("/fail")) response.writeHead(500).end(`broken ${"x".repeat(500)}`);
      else if (path.startsWith("/redirect")) response.writeHead(302, { location: "/ok" }).end();
      else held.push(response);
    });
  });
  const receiver = {
    origin: "",
    received,
    /** The requests to one path. */
    to: (path: string) => received.filter((request) => request.path === path),
  };
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    receiver.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const response of held) response.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return receiver;
}
