import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createZaloCloudClient, type OperationInput, parseAuthorizationCallback } from "@etelecom-zalo/client";
import { consent } from "@etelecom-zalo/mock";
import { findOperation, listOperations } from "@etelecom-zalo/openapi";
import autocannon from "autocannon";

/** One request a load run sends; every one must be answered 200. */
export type BenchRequest = { name: string; path: string; headers: Record<string, string>; body: string };

/** The headers of a call with `key`; `bench-key-0` is the key the reads use, which the fixtures connect OAs to. */
export const headersFor = (key = "bench-key-0") => ({ ...JSON_TYPE, authorization: `Bearer ${key}` });
export const JSON_TYPE = { "content-type": "application/json" };

/** Every operation of the spec, called with its documented request example, in the spec's order. */
export const OPERATIONS: BenchRequest[] = listOperations().map(({ operationId, pathTemplate, requestExample }) => ({
  name: operationId,
  path: pathTemplate.replace("{scope}", "shop"),
  headers: headersFor(),
  body: JSON.stringify(requestExample),
}));

/** The AuthorizeOA call: the startup probe, and what the raw ceiling answers. */
export const authorize = OPERATIONS.find((request) => request.name === "AuthorizeOA") as BenchRequest;

/** Sends one request; its status and its milliseconds. */
export async function send(origin: string, { path, headers, body }: Omit<BenchRequest, "name">) {
  const started = performance.now();
  const response = await fetch(origin + path, { method: "POST", headers, body });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/**
 * Writes `<dir>/<name>.json`: fixtures of `oas` OAs a key, ids from `first`, only what is required in each; each key
 * its own OAs, or, `shared`, every key the same ones (shops that all connected the spec's example OA).
 */
export function writeFixtures(dir: string, name: string, keys: string[], oas: number, first: bigint, shared = false) {
  const oa = (index: number) => ({ oa_id: String(first + BigInt(index)), name: `OA ${index % oas}`, status: "P" });
  const fixtures = keys.map((key, k) => [
    key,
    { oa: Array.from({ length: oas }, (_, i) => oa((shared ? 0 : k * oas) + i)) },
  ]);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(Object.fromEntries(fixtures)));
  return file;
}

/**
 * Issues `count` codes as a shop gets them, AuthorizeOA through the client then Allow on the mock's consent page, 100
 * a key (the most unused codes the mock keeps for one). Returns a `vary` for {@link load} that sends each code once.
 */
export async function issueCodes(origin: string, count: number): Promise<() => object> {
  const app = findOperation("AuthorizeOA").requestExample as OperationInput<"authorizeOA">;
  const issued: { headers: Record<string, string>; body: string }[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const key = `bench-connect-${Math.floor(index / 100)}`;
      const { url } = await createZaloCloudClient({ apiKey: key, scope: "shop", baseUrl: origin }).authorizeOA(app);
      const { code, oa_id, state } = parseAuthorizationCallback(await consent(url));
      issued.push({ headers: headersFor(key), body: JSON.stringify({ code, oa_id, state: Number(state) }) });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return () => issued.shift() ?? { headers: headersFor(""), body: "" };
}

/** What one autocannon run measured; `unexpected` counts answers other than 200, socket errors and timeouts. */
export type LoadResult = { rps: number; p99Ms: number; requests: number; unexpected: number };
/** A load run: its connections, its length in seconds or requests, and what gives each request its headers and body. */
type Run = { connections: number; vary?: (() => object) | undefined } & ({ seconds: number } | { requests: number });

/** Loads `origin` with `request` over keep-alive connections, from this process (with nothing else to do meanwhile). */
export async function load(origin: string, { path, headers, body }: BenchRequest, run: Run): Promise<LoadResult> {
  const { connections, vary } = run;
  const result = await autocannon({
    url: origin,
    connections,
    // autocannon notices the end of a run only at a sample: every 10 ms, not every second, so that a run of a number
    // of requests gets its real duration.
    sampleInt: 10,
    ...("seconds" in run ? { duration: run.seconds } : { amount: run.requests }),
    requests: [{ method: "POST", path, headers, body, ...(vary && { setupRequest: (r) => ({ ...r, ...vary() }) }) }],
  });
  const counts: Record<string, { count?: number }> = result.statusCodeStats ?? {};
  const requests = Object.values(counts).reduce((sum, { count = 0 }) => sum + count, 0);
  const unexpected = requests - (counts["200"]?.count ?? 0) + result.errors + result.timeouts;
  return { rps: requests / result.duration, p99Ms: result.latency.p99, requests, unexpected };
}
