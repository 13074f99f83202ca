import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** One HTTP exchange as it went over the wire, recorded by a test. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  /** The request body as sent, or null when there was none. */
  requestBody: string | null;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

/** Reads every exchange recorded under `dir` (one JSON line each). */
export function readExchanges(dir: string): Exchange[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .flatMap((name) =>
      readFileSync(join(dir, name), "utf8")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.parse(line) as Exchange),
    );
}
