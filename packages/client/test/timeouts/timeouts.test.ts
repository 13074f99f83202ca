import { getEventListeners } from "node:events";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createZaloCloudClient, EtelecomError, EtelecomTimeoutError } from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";
import { startServer } from "../http-server.js";

const body = { app_id: "1", app_secret: "s", redirect_uri: "https://example.com/cb" };

/** A fetch that never answers but, like the real one, rejects with the signal's reason once it is aborted. */
function hangingFetch() {
  return fakeFetch(
    (request) =>
      new Promise<Response>((_, reject) => {
        if (request.signal.aborted) reject(request.signal.reason);
        request.signal.addEventListener("abort", () => reject(request.signal.reason));
      }),
  );
}

describe("timeouts with a fake clock", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("default to 30 s", async () => {
    vi.useFakeTimers();
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: hangingFetch().fetch });
    const outcome = client.authorizeOA(body).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(EtelecomTimeoutError);
    expect(error).toMatchObject({ timeout: 30_000, message: "eTelecom did not answer within 30000 ms" });
  });

  it("take the client's timeout, and the call's over the client's", async () => {
    vi.useFakeTimers();
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: hangingFetch().fetch, timeout: 5_000 });
    const byClient = client.authorizeOA(body).catch((e: unknown) => e);
    const byCall = client.authorizeOA(body, { timeout: 60_000 }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await byClient).toMatchObject({ name: "EtelecomTimeoutError", timeout: 5_000 });
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(55_000);
    expect(await byCall).toMatchObject({ name: "EtelecomTimeoutError", timeout: 60_000 });
  });

  it("leave no timer behind once a call has settled", async () => {
    vi.useFakeTimers();
    const fake = fakeFetch(() => new Response('{"url":"https://x"}', { status: 200 }));
    await createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch }).authorizeOA(body);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("timeouts against a real server", () => {
  let silent: Awaited<ReturnType<typeof startServer>>;
  let stalling: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    silent = await startServer(() => {});
    // Sends the status and headers, then never finishes the body.
    stalling = await startServer((_, response) => {
      response.writeHead(200, { "Content-Type": "application/json" });
      response.write('{"url":');
    });
    return async () => {
      await silent.close();
      await stalling.close();
    };
  });

  it("rejects with EtelecomTimeoutError when the server never answers", async () => {
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", baseUrl: silent.url, timeout: 50 });
    const error = await client.authorizeOA(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomTimeoutError);
    expect(error).toBeInstanceOf(EtelecomError);
  });

  it("also covers a body that stops arriving after the headers", async () => {
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", baseUrl: stalling.url });
    const error = await client.authorizeOA(body, { timeout: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomTimeoutError);
  });
});

describe("a caller's AbortSignal", () => {
  it("rejects with the signal's reason, not a timeout error", async () => {
    const controller = new AbortController();
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: hangingFetch().fetch });
    const outcome = client.authorizeOA(body, { signal: controller.signal }).catch((e: unknown) => e);
    const reason = new Error("user left the page");
    controller.abort(reason);
    expect(await outcome).toBe(reason);
  });

  it("rejects with a DOMException named AbortError when aborted without a reason", async () => {
    const controller = new AbortController();
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: hangingFetch().fetch });
    const outcome = client.authorizeOA(body, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    const error = await outcome;
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(error).not.toBeInstanceOf(EtelecomError);
  });

  it("stops a call to a real server that never answers", async () => {
    const server = await startServer(() => {});
    try {
      const client = createZaloCloudClient({ apiKey: "k", scope: "shop", baseUrl: server.url });
      const controller = new AbortController();
      const outcome = client.authorizeOA(body, { signal: controller.signal }).catch((e: unknown) => e);
      controller.abort();
      expect(await outcome).toMatchObject({ name: "AbortError" });
    } finally {
      await server.close();
    }
  });

  it("already aborted sends nothing", async () => {
    const fake = hangingFetch();
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch });
    const reason = new Error("too late");
    await expect(client.authorizeOA(body, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(fake.calls).toHaveLength(0);
  });
});

describe("timeout values", () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31])(
    "refuses %s for the client with a RangeError",
    (timeout) => {
      expect(() => createZaloCloudClient({ apiKey: "k", scope: "shop", timeout })).toThrow(RangeError);
      expect(() => createZaloCloudClient({ apiKey: "k", scope: "shop", timeout })).toThrow(/timeout must be/);
    },
  );

  it.each(["5000", null, {}])("refuses %j for the client with a TypeError", (timeout) => {
    expect(() => createZaloCloudClient({ apiKey: "k", scope: "shop", timeout: timeout as never })).toThrow(TypeError);
    expect(() => createZaloCloudClient({ apiKey: "k", scope: "shop", timeout: timeout as never })).toThrow(
      /timeout must be a number/,
    );
  });

  it.each([
    [0, RangeError],
    [-1, RangeError],
    [Number.NaN, RangeError],
    [2 ** 31, RangeError],
    ["10", TypeError],
  ])("refuses %s for a call, before any request, with a %o", async (timeout, kind) => {
    const fake = hangingFetch();
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch });
    const error = await client.authorizeOA(body, { timeout: timeout as never }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(kind);
    expect(error).toMatchObject({ message: expect.stringMatching(/timeout must be/) });
    expect(fake.calls).toHaveLength(0);
  });
});

describe("a fetch that ignores the signal", () => {
  it("still ends the call at the timeout", async () => {
    const fake = fakeFetch(() => new Promise<Response>(() => {}));
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch, timeout: 20 });
    expect(await client.authorizeOA(body).catch((e: unknown) => e)).toBeInstanceOf(EtelecomTimeoutError);
  });

  it("still ends the call when the caller aborts", async () => {
    const fake = fakeFetch(() => new Promise<Response>(() => {}));
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch });
    const controller = new AbortController();
    const outcome = client.authorizeOA(body, { signal: controller.signal }).catch((e: unknown) => e);
    const reason = new Error("stop");
    controller.abort(reason);
    expect(await outcome).toBe(reason);
  });
});

describe("one AbortSignal shared by many calls", () => {
  /** A fetch that answers after a few milliseconds, so that the calls overlap. */
  const slowFetch = () =>
    fakeFetch(() => new Promise<Response>((resolve) => setTimeout(() => resolve(json(200, { url: "https://x" })), 5)));

  it("gets one listener, so 50 concurrent calls print no MaxListenersExceededWarning, and none is left after", async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on("warning", onWarning);
    try {
      const controller = new AbortController();
      const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: slowFetch().fetch });
      await Promise.all(Array.from({ length: 50 }, () => client.authorizeOA(body, { signal: controller.signal })));
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map(({ name, message }) => `${name}: ${message}`)).toEqual([]);
      expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("aborts every call with its reason", async () => {
    const controller = new AbortController();
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: hangingFetch().fetch });
    const outcomes = Array.from({ length: 20 }, () =>
      client.authorizeOA(body, { signal: controller.signal }).catch((e: unknown) => e),
    );
    const reason = new Error("shutting down");
    controller.abort(reason);
    expect(await Promise.all(outcomes)).toEqual(Array.from({ length: 20 }, () => reason));
  });
});
