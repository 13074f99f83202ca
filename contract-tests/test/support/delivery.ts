import { appendFileSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

/** One POST a mock delivered to the suite's receiver (an event), exactly as it arrived. */
export interface Delivery {
  url: string;
  /** The request's headers, names in lower case. */
  headers: Record<string, string>;
  /** The raw body as received: what a signature covers. */
  body: string;
}

/** Where deliveries are recorded, under a run's record dir: apart from the exchanges, which are another audit's. */
export const deliveriesDir = (recordDir: string) => join(recordDir, "deliveries");

/** Adds a delivery to the run's record, for the global audit. */
export function recordDelivery(recordDir: string, file: string, delivery: Delivery): void {
  mkdirSync(deliveriesDir(recordDir), { recursive: true });
  appendFileSync(join(deliveriesDir(recordDir), `${file}.jsonl`), `${JSON.stringify(delivery)}\n`);
}

/** Reads every delivery recorded under a run's record dir (one JSON line each). */
export function readDeliveries(recordDir: string): Delivery[] {
  const dir = deliveriesDir(recordDir);
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    // No test made a delivery: the dir is made on the first.
    return [];
  }
  return names
    .filter((name) => name.endsWith(".jsonl"))
    .flatMap((name) =>
      readFileSync(join(dir, name), "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Delivery),
    );
}

/**
 * The server project's receiver: a node:http server on a free loopback port that records every request, then
 * answers 200 at once (the record is written before the answer, so a mock's call that waits for its delivery's
 * outcome finds it recorded).
 */
export async function startReceiver(recordDir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = Object.fromEntries(
        Object.entries(request.headersDistinct).map(([name, values = []]) => [name, values.join(", ")]),
      );
      const url = `http://${request.headers.host}${request.url ?? "/"}`;
      recordDelivery(recordDir, "receiver", { url, headers, body: Buffer.concat(chunks).toString("utf8") });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
