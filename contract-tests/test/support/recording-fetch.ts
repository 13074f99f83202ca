import { appendFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { Exchange } from "./exchange.js";

const recordFile = join(inject("recordDir"), `exchanges-${process.pid}-${crypto.randomUUID()}.jsonl`);

/** How a recording fetch alters each request before it goes on the wire. */
export interface WireTweaks {
  /** A Prism `Prefer` header value, e.g. `code=400, example=missing_field`. */
  prefer?: string;
  /** Headers to remove, e.g. `Authorization` to provoke 401. */
  drop?: string[];
  /** Headers to set, overriding the client's. */
  set?: Record<string, string>;
}

/**
 * A `fetch` that records every exchange exactly as it went over the wire, so that the global teardown can
 * validate each one against the spec and check that every documented response was exercised.
 */
export function recordingFetch(tweaks: WireTweaks = {}): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    if (tweaks.prefer !== undefined) request.headers.set("Prefer", tweaks.prefer);
    for (const name of tweaks.drop ?? []) request.headers.delete(name);
    for (const [name, value] of Object.entries(tweaks.set ?? {})) request.headers.set(name, value);
    const requestBody = request.body === null ? null : await request.clone().text();
    const response = await fetch(request);
    const exchange: Exchange = {
      method: request.method,
      url: request.url,
      requestHeaders: Object.fromEntries(request.headers),
      requestBody,
      status: response.status,
      responseHeaders: Object.fromEntries(response.headers),
      responseBody: await response.clone().text(),
    };
    record(exchange);
    return response;
  };
}

/** The exchanges this test file has recorded so far, newest last. */
export const recorded: Exchange[] = [];

/** Adds an exchange to the run's record, for the global audit. */
export function record(exchange: Exchange): void {
  appendFileSync(recordFile, `${JSON.stringify(exchange)}\n`);
  recorded.push(exchange);
}
