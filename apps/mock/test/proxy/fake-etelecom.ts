import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

/** One request the fake received: what the proxy forwarded. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** How the fake answers one request: a status and a JSON body, or a way of failing. */
export type FakeAnswer =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { raw: string; status: number; type: string }
  | "slow"
  | "broken";

/** A small eTelecom on 127.0.0.1: each test says what it answers per operation (the last path segment). */
export interface FakeEtelecom {
  url: string;
  received: Received[];
  answers: Map<string, FakeAnswer>;
}

/** Starts the fake before the file's tests and stops it (with any request it is still holding) after them. */
export function useFakeEtelecom(): FakeEtelecom {
  const fake: FakeEtelecom = { url: "", received: [], answers: new Map() };
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const path = incoming.url ?? "";
      fake.received.push({
        method: incoming.method ?? "",
        path,
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const answer = fake.answers.get(path.split(/[./]/).at(-1) ?? "") ?? {
        status: 404,
        body: { code: "bad_route", msg: `no handler for path ${path}` },
      };
      // Holds the request unanswered: the proxy's timeout must end it.
      if (answer === "slow") return;
      if (answer === "broken") {
        // Headers and half a body, then the connection drops.
        outgoing.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        outgoing.write('{"accounts": [');
        setImmediate(() => outgoing.destroy());
        return;
      }
      if ("raw" in answer) {
        outgoing.writeHead(answer.status, { "content-type": answer.type }).end(answer.raw);
        return;
      }
      outgoing
        .writeHead(answer.status, { "content-type": "application/json", ...answer.headers })
        .end(JSON.stringify(answer.body));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    fake.received.length = 0;
    fake.answers.clear();
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return fake;
}
