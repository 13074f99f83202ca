import { findOperation } from "@etelecom-zalo/openapi";
import { operationTable } from "../src/generated/operations.js";
import { createZaloCloudClient, type OperationName, type ZaloCloudClientOptions } from "../src/index.js";
import { fakeFetch, json } from "./fake-fetch.js";

/** Every method of the client with its table entry, in the spec's order. */
export const methods = Object.entries(operationTable) as [OperationName, (typeof operationTable)[OperationName]][];

/** Every request field of one kind of every method, from the table: [method, dotted field, path]. */
export function fieldsOf(kind: "int64" | "integer" | "secrets") {
  return methods.flatMap(([name, operation]) => operation[kind].map((path) => [name, path.join("."), path] as const));
}

/**
 * A client whose fetch answers every request with `respond` (by default the method's documented 200), what the
 * fetch recorded, and `send`, which calls the method `name` with a body of any shape.
 */
export function methodOf(
  name: OperationName,
  respond: (request: Request) => Response | Promise<Response> = () => json(200, successExample(name)),
  options: Partial<ZaloCloudClientOptions> = {},
) {
  const fake = fakeFetch(respond);
  const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch, ...options });
  return { fake, client, send: (body: unknown) => (client[name] as (body: unknown) => Promise<unknown>)(body) };
}

/** The request body the spec documents for a method's operation (its first named example). */
export function requestExample(name: OperationName): Record<string, unknown> {
  return structuredClone(findOperation(operationTable[name].operationId).requestExample) as Record<string, unknown>;
}

/** The 200 body the spec documents for a method's operation (its first named example). */
export function successExample(name: OperationName): Record<string, unknown> {
  const success = findOperation(operationTable[name].operationId).responses.find(({ status }) => status === 200);
  const [value] = success?.examples.values() ?? [];
  return structuredClone(value) as Record<string, unknown>;
}

/** `body` with the value at `path` replaced (or removed, for undefined), the body itself untouched. */
export function withValue(body: Record<string, unknown>, path: readonly string[], value: unknown) {
  const copy = structuredClone(body);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path.at(-1) as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

/** The rejection of `promise`, failing the test if it resolves. */
export function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}
