import { createZaloCloudClient, methodNames, type Scope, type ZaloCloudClient } from "@etelecom-zalo/client";
import { inject } from "vitest";
import { recordingFetch, type WireTweaks } from "./recording-fetch.js";

/** Which mock a client talks to, and as whom. */
export interface MockClientOptions {
  scope?: Scope;
  /** The Bearer key; the stateful mock keeps each key's OAs apart, so a test that needs a clean slate takes its own. */
  apiKey?: string;
  /** Talk to the `--stateless` mock, which answers every valid request with its documented example. */
  stateless?: boolean;
  /** Talk to the mock with `--rate-limit 1/3600`, whose keys each get one call. */
  rateLimited?: boolean;
  /** Talk to the mock whose clock one test file moves (see {@link advanceClock}). */
  clocked?: boolean;
  /** Talk to the mock that delivers events to the suite's receiver, whose clock the events test moves. */
  events?: boolean;
  tweaks?: WireTweaks;
}

/** The real client, pointed at one of the suite's mocks, recording every exchange it makes. */
export function mockClient({
  scope = "shop",
  apiKey = "test-key",
  stateless = false,
  rateLimited = false,
  clocked = false,
  events = false,
  tweaks = {},
}: MockClientOptions = {}) {
  const mock = events
    ? "eventsMockUrl"
    : clocked
      ? "clockedMockUrl"
      : rateLimited
        ? "rateLimitedMockUrl"
        : stateless
          ? "statelessMockUrl"
          : "mockUrl";
  return createZaloCloudClient({
    apiKey,
    scope,
    baseUrl: inject(mock),
    fetch: recordingFetch(tweaks),
  });
}

/** A Bearer key no other test uses: a clean slate on the stateful mock. */
export function freshKey(): string {
  return `test-${crypto.randomUUID()}`;
}

/** A client method as the contract tests call it, whatever its operation: body in, 200 body out. */
type AnyMethod = (
  body: unknown,
  options?: { signal?: AbortSignal; timeout?: number; retries?: number },
) => Promise<unknown>;

/** The client's method for an operation, looked up in the client's generated name map rather than re-derived. */
export function methodOf(client: ZaloCloudClient, operationId: string): AnyMethod {
  if (!Object.hasOwn(methodNames, operationId)) throw new Error(`the client names no method for ${operationId}`);
  const name = methodNames[operationId as keyof typeof methodNames];
  const method: unknown = client[name];
  if (typeof method !== "function") throw new Error(`the client has no method ${name} for ${operationId}`);
  return method as AnyMethod;
}

/**
 * Moves a mock's time forward: the clocked mock's, as a test of a journey token's expiry needs, or the events mock's,
 * as the events test does to have a ZNS's receipts delivered (the mock answers once those deliveries are made).
 */
export async function advanceClock(
  ms: number,
  mock: "clockedMockUrl" | "eventsMockUrl" = "clockedMockUrl",
): Promise<void> {
  const response = await fetch(`${inject(mock)}/__clock`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ advance_ms: ms }),
  });
  if (!response.ok) throw new Error(`POST /__clock answered ${response.status}: ${await response.text()}`);
}
