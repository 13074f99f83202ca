import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createZaloCloudClient, type OperationInput, parseAuthorizationCallback } from "@etelecom-zalo/client";
import { consent } from "@etelecom-zalo/mock";
import { findOperation, listOperations } from "@etelecom-zalo/openapi";

/** One request a load run sends; every one must be answered 200. */
export type BenchRequest = { name: string; path: string; headers: Record<string, string>; body: string };

/** The headers of a call with `key`; `bench-key` is the key the fixtures connect OAs to. */
export const headersFor = (key = "bench-key") => ({
  "content-type": "application/json",
  authorization: `Bearer ${key}`,
});

/** Every operation of the spec, called with its documented request example, in the spec's order. */
export const OPERATIONS: BenchRequest[] = listOperations().map(({ operationId, pathTemplate, requestExample }) => ({
  name: operationId,
  path: pathTemplate.replace("{scope}", "shop"),
  headers: headersFor(),
  body: JSON.stringify(requestExample),
}));

/** The AuthorizeOA call: the startup probe, and what the raw ceiling answers. */
export const authorize = OPERATIONS.find((request) => request.name === "AuthorizeOA") as BenchRequest;

/** Sends one request and returns its status. */
export async function send(origin: string, { path, headers, body }: BenchRequest): Promise<number> {
  const response = await fetch(origin + path, { method: "POST", headers, body });
  await response.arrayBuffer();
  return response.status;
}

/** Writes fixtures of 20 OAs (a page, as ListOA's example asks), the first the one the spec's examples name. */
export function writeFixtures(dir: string): string {
  const first = BigInt((findOperation("GetShopOA").requestExample as { oa_id: string }).oa_id);
  const oa = (index: number) => ({ oa_id: String(first + BigInt(index)), name: `OA ${index}`, status: "P" });
  writeFileSync(
    join(dir, "fixtures.json"),
    JSON.stringify({ "bench-key": { oa: Array.from({ length: 20 }, (_, i) => oa(i)) } }),
  );
  return join(dir, "fixtures.json");
}

/**
 * Issues codes as a shop gets them, AuthorizeOA through the client then Allow on the mock's consent page, 100 a key
 * (the most unused codes the mock keeps for one). Returns each ConnectOA call's key and body.
 */
export async function issueCodes(origin: string, count: number): Promise<{ key: string; body: string }[]> {
  const app = findOperation("AuthorizeOA").requestExample as OperationInput<"authorizeOA">;
  const issued: { key: string; body: string }[] = [];
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const key = `bench-connect-${Math.floor(index / 100)}`;
      const { url } = await createZaloCloudClient({ apiKey: key, scope: "shop", baseUrl: origin }).authorizeOA(app);
      const { code, oa_id, state } = parseAuthorizationCallback(await consent(url));
      issued.push({ key, body: JSON.stringify({ code, oa_id, state: Number(state) }) });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return issued;
}
