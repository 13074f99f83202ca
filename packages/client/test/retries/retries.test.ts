import { listOperations } from "@etelecom-zalo/openapi";
import { settled } from "@etelecom-zalo/test-support";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createZaloCloudClient,
  EtelecomApiError,
  EtelecomInvalidResponseError,
  EtelecomNetworkError,
  EtelecomTimeoutError,
  type RetryInfo,
  type ZaloCloudClientOptions,
} from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";
import { closedPortUrl, startServer } from "../http-server.js";
import { methods, rejection, requestExample, successExample } from "../spec-examples.js";

const read = { oa_id: "4321098765432109876" };
const unavailable = () => json(503, { code: "unavailable", msg: "try again" });

/** A connection refused, as Node's fetch (undici) reports it. */
function refused(): Promise<never> {
  const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:443"), { code: "ECONNREFUSED" });
  return Promise.reject(new TypeError("fetch failed", { cause }));
}

/** A client whose fetch gives the `answers` in turn (the last one again once they run out), and what it recorded. */
function clientAnswering(
  answers: (() => Response | Promise<Response>)[],
  options: Partial<ZaloCloudClientOptions> = {},
) {
  let next = 0;
  const fake = fakeFetch(() => (answers[Math.min(next++, answers.length - 1)] as () => Response | Promise<Response>)());
  const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch, ...options });
  return { client, calls: fake.calls };
}

describe("the operation table", () => {
  it("marks idempotent exactly the operations the spec marks x-idempotent: true", () => {
    const marked = listOperations()
      .filter(({ object }) => (object as { "x-idempotent"?: unknown })["x-idempotent"] === true)
      .map(({ operationId }) => operationId);
    expect(marked).toEqual([
      "ListOA",
      "GetShopOA",
      "ListFollowers",
      "GetTemplate",
      "ListTemplates",
      "ListMessages",
      "CheckConsent",
      "ListRequestConsent",
      "GetWebhooks",
    ]);
    expect(methods.filter(([, operation]) => operation.idempotent).map(([, { operationId }]) => operationId)).toEqual(
      marked,
    );
  });
});

describe("retries with a fake clock", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it.each([
    [429, () => json(429, { code: "resource_exhausted", msg: "slow down" })],
    [502, () => new Response("<html>Bad Gateway</html>", { status: 502, headers: { "Content-Type": "text/html" } })],
    [503, unavailable],
    [504, () => new Response("upstream timed out", { status: 504 })],
  ])("repeat a read after %i, and resolve with the answer that follows", async (_, answer) => {
    vi.useFakeTimers();
    const { client, calls } = clientAnswering([answer, () => json(200, successExample("getShopOA"))]);
    const outcome = client.getShopOA(read);
    await vi.advanceTimersByTimeAsync(500);
    await expect(outcome).resolves.toEqual(successExample("getShopOA"));
    expect(calls).toHaveLength(2);
    expect(calls[1]?.body).toBe(calls[0]?.body);
    expect(calls[1]?.request.headers.get("authorization")).toBe("Bearer k");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("repeat a read whose connection was refused before any answer", async () => {
    vi.useFakeTimers();
    const { client, calls } = clientAnswering([refused, () => json(200, successExample("listOA"))]);
    const outcome = client.listOA({});
    await vi.advanceTimersByTimeAsync(500);
    await expect(outcome).resolves.toEqual(successExample("listOA"));
    expect(calls).toHaveLength(2);
  });

  it.each([
    ["500", () => json(500, { code: "internal", msg: "boom" })],
    ["400", () => json(400, { code: "invalid_argument", msg: "oa_id: is invalid" })],
    ["a 200 that does not fit the spec", () => json(200, { nothing: true })],
    [
      "a connection broken in the middle of a 200's body",
      () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"oa_id":'));
              controller.error(new TypeError("terminated"));
            },
          }),
          { status: 200 },
        ),
    ],
  ])("never repeat a read after %s", async (_, answer) => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    const { client, calls } = clientAnswering([answer, () => json(200, successExample("getShopOA"))], { onRetry });
    const error = await rejection(client.getShopOA(read));
    expect(error).toMatchObject({ attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(onRetry).not.toHaveBeenCalled();
  });

  it.each(methods.filter(([, operation]) => !operation.idempotent))(
    "never repeat %s, which the spec does not mark idempotent, after a 503 or a refused connection",
    async (name) => {
      vi.useFakeTimers();
      const onRetry = vi.fn();
      for (const answer of [unavailable, refused]) {
        const { client, calls } = clientAnswering([answer, () => json(200, successExample(name))], { onRetry });
        const call = client[name] as (body: unknown) => Promise<unknown>;
        const error = await rejection(call(requestExample(name)));
        expect(error).toBeInstanceOf(answer === refused ? EtelecomNetworkError : EtelecomApiError);
        expect(error).toMatchObject({ attempts: 1 });
        expect(calls).toHaveLength(1);
      }
      expect(onRetry).not.toHaveBeenCalled();
    },
  );

  it("make at most 1 + retries attempts (2 by default), and the final error says how many", async () => {
    vi.useFakeTimers();
    const { client, calls } = clientAnswering([unavailable]);
    const outcome = rejection(client.getShopOA(read));
    await vi.advanceTimersByTimeAsync(1_500);
    const error = await outcome;
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 503, code: "unavailable", attempts: 3 });
    expect(calls).toHaveLength(3);
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ attempts: 3 });
  });

  it("take the client's retries, and the call's over the client's; 0 turns them off", async () => {
    vi.useFakeTimers();
    const off = clientAnswering([unavailable], { retries: 0 });
    expect(await rejection(off.client.getShopOA(read))).toMatchObject({ status: 503, attempts: 1 });
    expect(off.calls).toHaveLength(1);

    const overridden = off.client.getShopOA(read, { retries: 4 });
    const outcome = rejection(overridden);
    await vi.advanceTimersByTimeAsync(8_000);
    expect(await outcome).toMatchObject({ attempts: 5 });

    const byDefault = clientAnswering([unavailable]);
    expect(await rejection(byDefault.client.getShopOA(read, { retries: 0 }))).toMatchObject({ attempts: 1 });
    expect(byDefault.calls).toHaveLength(1);
  });

  it("tell onRetry of each retry: the attempt that failed, its error and the wait, which grows", async () => {
    vi.useFakeTimers();
    const onRetry = vi.fn<(info: RetryInfo) => void>();
    const { client, calls } = clientAnswering([unavailable], { onRetry, retries: 3 });
    const outcome = rejection(client.getShopOA(read));
    await vi.advanceTimersByTimeAsync(0);
    expect(onRetry).toHaveBeenCalledTimes(1);
    const first = onRetry.mock.calls[0]?.[0] as RetryInfo;
    expect(first).toMatchObject({ attempt: 1, error: expect.any(EtelecomApiError) });
    expect(first.error).toMatchObject({ status: 503, code: "unavailable" });
    expect(first.delay).toBeGreaterThanOrEqual(250);
    expect(first.delay).toBeLessThanOrEqual(500);
    // The next attempt comes exactly when onRetry said it would.
    await vi.advanceTimersByTimeAsync(first.delay - 1);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4_000);
    const error = await outcome;
    expect(onRetry.mock.calls.map(([info]) => info.attempt)).toEqual([1, 2, 3]);
    const [, second, third] = onRetry.mock.calls.map(([info]) => info.delay);
    expect(second).toBeGreaterThanOrEqual(500);
    expect(second).toBeLessThanOrEqual(1_000);
    expect(third).toBeGreaterThanOrEqual(1_000);
    expect(third).toBeLessThanOrEqual(2_000);
    expect(error).toMatchObject({ attempts: 4 });
  });

  it("honour Retry-After in seconds", async () => {
    vi.useFakeTimers();
    const onRetry = vi.fn<(info: RetryInfo) => void>();
    const busy = () =>
      new Response('{"code":"unavailable","msg":"busy"}', { status: 503, headers: { "Retry-After": "3" } });
    const { client, calls } = clientAnswering([busy, () => json(200, successExample("getShopOA"))], { onRetry });
    const outcome = client.getShopOA(read);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toEqual(successExample("getShopOA"));
    expect(onRetry.mock.calls[0]?.[0]).toMatchObject({ delay: 3_000 });
  });

  it("honour Retry-After as an HTTP date", async () => {
    vi.useFakeTimers({ now: new Date("2025-06-01T10:00:00Z") });
    const limited = () =>
      new Response('{"code":"resource_exhausted","msg":"quota"}', {
        status: 429,
        headers: { "Retry-After": "Sun, 01 Jun 2025 10:00:05 GMT" },
      });
    const { client, calls } = clientAnswering([limited, () => json(200, successExample("getShopOA"))]);
    const outcome = client.getShopOA(read);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toEqual(successExample("getShopOA"));
  });

  it("give up at once, with the answer, when Retry-After asks for a wait past 60 s", async () => {
    vi.useFakeTimers();
    const later = () =>
      new Response('{"code":"unavailable","msg":"busy"}', { status: 503, headers: { "Retry-After": "61" } });
    const { client, calls } = clientAnswering([later], { timeout: 120_000 });
    const outcome = client.getShopOA(read);
    expect(await settled(outcome)).toBe(true);
    expect(await rejection(outcome)).toMatchObject({ status: 503, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("count every attempt and every wait in the call's timeout", async () => {
    vi.useFakeTimers();
    const hanging = () => new Promise<Response>(() => {});
    const { client, calls } = clientAnswering([unavailable, hanging], { timeout: 2_000 });
    const outcome = rejection(client.getShopOA(read));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(2);
    expect(await settled(outcome)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(EtelecomTimeoutError);
    expect(error).toMatchObject({ timeout: 2_000, attempts: 2 });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("fail at once with the last error when the wait would pass the call's timeout", async () => {
    vi.useFakeTimers();
    const busy = () =>
      new Response('{"code":"unavailable","msg":"busy"}', { status: 503, headers: { "Retry-After": "5" } });
    const { client, calls } = clientAnswering([busy], { timeout: 3_000 });
    const outcome = client.getShopOA(read);
    expect(await settled(outcome)).toBe(true);
    const error = await rejection(outcome);
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it("stop at once, with the signal's reason, when the caller aborts during the wait", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { client, calls } = clientAnswering([unavailable]);
    const outcome = client.getShopOA(read, { signal: controller.signal });
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    const reason = new Error("the user left");
    controller.abort(reason);
    expect(await settled(outcome)).toBe(true);
    expect(await rejection(outcome)).toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(1);
  });

  it("never repeat a request that a middleware refused before fetch was called", async () => {
    vi.useFakeTimers();
    const onRequest = vi.fn(() => {
      throw new TypeError("no requests today");
    });
    const { client, calls } = clientAnswering([unavailable], { middleware: [{ onRequest }] });
    expect(await rejection(client.getShopOA(read))).toMatchObject({ name: "EtelecomNetworkError", attempts: 1 });
    expect(onRequest).toHaveBeenCalledTimes(1);
    expect(calls).toHaveLength(0);
  });

  it("repeat each page of a list's .all", async () => {
    vi.useFakeTimers();
    const { client, calls } = clientAnswering([unavailable, () => json(200, { accounts: [], paging: { limit: 20 } })]);
    const pages = (async () => {
      const items = [];
      for await (const item of client.listOA.all({})) items.push(item);
      return items;
    })();
    await vi.advanceTimersByTimeAsync(500);
    await expect(pages).resolves.toEqual([]);
    expect(calls).toHaveLength(2);
  });

  it("take a list's .all retries and onRetry for each page", async () => {
    vi.useFakeTimers();
    const onRetry = vi.fn();
    const { client, calls } = clientAnswering([unavailable]);
    const pages = client.listOA.all({}, { retries: 0, onRetry })[Symbol.asyncIterator]().next();
    expect(await rejection(pages)).toMatchObject({ status: 503, attempts: 1 });
    expect(calls).toHaveLength(1);
    expect(onRetry).not.toHaveBeenCalled();
  });
});

describe("the retries option", () => {
  it.each([
    ["-1", -1, RangeError],
    ["1.5", 1.5, RangeError],
    ["11", 11, RangeError],
    ["NaN", Number.NaN, RangeError],
    ["Infinity", Number.POSITIVE_INFINITY, RangeError],
    ["the string 2", "2", TypeError],
    ["null", null, TypeError],
  ])("is refused when it is %s", async (_, retries, kind) => {
    const message =
      kind === RangeError ? /^retries must be an integer from 0 to 10, got / : /^retries must be a number, got /;
    expect(() => createZaloCloudClient({ apiKey: "k", scope: "shop", retries: retries as number })).toThrow(kind);
    expect(() => createZaloCloudClient({ apiKey: "k", scope: "shop", retries: retries as number })).toThrow(message);
    const { client, calls } = clientAnswering([unavailable]);
    const error = await rejection(client.getShopOA(read, { retries: retries as number }));
    expect(error).toBeInstanceOf(kind);
    expect((error as Error).message).toMatch(message);
    expect(calls).toHaveLength(0);
  });

  it("refuses an onRetry that is not a function", () => {
    expect(() => createZaloCloudClient({ apiKey: "k", scope: "shop", onRetry: "log" as never })).toThrow(
      /onRetry must be a function/,
    );
  });
});

describe("retries against real sockets", () => {
  it("repeat a read after a connection reset before any answer", async () => {
    let requests = 0;
    const server = await startServer((request, response) => {
      requests += 1;
      if (requests === 1) return void request.socket.destroy();
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify(successExample("getShopOA")));
    });
    try {
      const client = createZaloCloudClient({ apiKey: "k", scope: "shop", baseUrl: server.url });
      await expect(client.getShopOA(read)).resolves.toEqual(successExample("getShopOA"));
      expect(requests).toBe(2);
    } finally {
      await server.close();
    }
  });

  it("give up on a closed port once the retries are used, with the network error and the attempts", async () => {
    const onRetry = vi.fn();
    const client = createZaloCloudClient({
      apiKey: "k",
      scope: "shop",
      baseUrl: await closedPortUrl(),
      retries: 1,
      onRetry,
    });
    const error = await rejection(client.getShopOA(read));
    expect(error).toBeInstanceOf(EtelecomNetworkError);
    expect(error).toMatchObject({ attempts: 2, cause: { code: "ECONNREFUSED" } });
    expect(onRetry).toHaveBeenCalledWith(
      expect.objectContaining({ attempt: 1, error: expect.any(EtelecomNetworkError) }),
    );
  });
});

describe("errors of a call", () => {
  it("carry attempts, and an error never sent carries none", async () => {
    const { client } = clientAnswering([() => new Response("<html>", { status: 200 })]);
    const invalid = await rejection(client.getShopOA(read));
    expect(invalid).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(invalid).toMatchObject({ attempts: 1 });
    const input = await rejection(client.getShopOA({ oa_id: 12 } as never));
    expect(input).not.toHaveProperty("attempts");
  });
});
