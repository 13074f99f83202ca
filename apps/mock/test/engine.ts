import { consent, type MockEngine } from "../src/index.js";
import type { Json } from "./use-mock.js";
import { pathOf } from "./use-mock.js";

/** Where engine-level tests pretend the mock is: no socket is opened. */
export const ORIGIN = "http://mock.test";

/** Calls an operation on an engine directly, with a key, and resolves to its status and JSON body. */
export async function engineCall(
  engine: MockEngine,
  operationId: string,
  body: unknown,
  key = "test-key",
): Promise<{ status: number; body: Json }> {
  const response = await engine.handle(
    new Request(`${ORIGIN}${pathOf(operationId)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify(body),
    }),
  );
  return { status: response.status, body: await response.json() };
}

/** {@link consent} through an engine's `handle`, as the in-process handlers for tests will do. */
export function engineConsent(engine: MockEngine, url: string, options: Parameters<typeof consent>[1] = {}) {
  return consent(url, { ...options, fetch: async (input, init) => engine.handle(new Request(input, init)) });
}
