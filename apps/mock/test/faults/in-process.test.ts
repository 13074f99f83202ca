import { settled } from "@etelecom-zalo/test-support";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createMockEngine, type MockEngine } from "../../src/index.js";
import { zaloCloudHandlers } from "../../src/msw/index.js";
import { ORIGIN } from "../engine.js";
import { AUTHORIZE_OA, validBody } from "../use-mock.js";

const request = (prefer?: string, signal?: AbortSignal) =>
  new Request(ORIGIN + AUTHORIZE_OA, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer k", ...(prefer && { Prefer: prefer }) },
    body: JSON.stringify(validBody),
    ...(signal && { signal }),
  });

describe("faults through the engine's handle", () => {
  let engine: MockEngine;
  beforeAll(async () => {
    engine = await createMockEngine({ latency: 100 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("answers after --latency, on the timers, and not before", async () => {
    // The engine decides first (Prism, on real timers); only the wait is on the fake clock.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const answer = engine.handle(request());
    await vi.waitUntil(() => vi.getTimerCount() === 1, { timeout: 5000, interval: 5 });
    expect(await settled(answer)).toBe(false);
    await vi.advanceTimersByTimeAsync(100);
    expect((await answer).status).toBe(200);
  });

  it("lets Prefer: delay win over --latency", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const answer = engine.handle(request("delay=300"));
    await vi.waitUntil(() => vi.getTimerCount() === 1, { timeout: 5000, interval: 5 });
    await vi.advanceTimersByTimeAsync(100);
    expect(await settled(answer)).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect((await answer).status).toBe(200);
  });

  it("ends a delay when the request's signal aborts, leaving no timer", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const controller = new AbortController();
    const answer = engine.handle(request("delay=60000", controller.signal));
    await vi.waitUntil(() => vi.getTimerCount() === 1, { timeout: 5000, interval: 5 });
    controller.abort();
    expect((await answer).type).toBe("error");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("holds a timeout fault, with no timer, until the signal aborts; then a network error", async () => {
    const controller = new AbortController();
    const held = engine.handle(request("fault=timeout, delay=0", controller.signal));
    await new Promise((resolve) => setTimeout(resolve, 50));
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    expect(await settled(held)).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    controller.abort();
    expect((await held).type).toBe("error");
  });

  it("answers fault=reset with Response.error()", async () => {
    expect((await engine.handle(request("fault=reset, delay=0"))).type).toBe("error");
  });

  it("answers fault=truncated with a body that fails half-way", async () => {
    const response = await engine.handle(request("fault=truncated, delay=0"));
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.value?.byteLength).toBe(Math.floor(Number(response.headers.get("content-length")) / 2));
    await expect(reader.read()).rejects.toThrow(/cut half-way/);
  });
});

describe("faults through the MSW handlers", async () => {
  const server = setupServer(
    ...(await zaloCloudHandlers({ baseUrl: ORIGIN, rateLimit: { requests: 100, seconds: 1 } })),
  );
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());

  it("turns fault=reset into a network error for fetch", async () => {
    await expect(fetch(request("fault=reset"))).rejects.toThrow(TypeError);
  });

  it("turns fault=truncated into a body that cannot be read whole", async () => {
    const response = await fetch(request("fault=truncated"));
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toThrow();
  });

  it("answers fault=timeout with nothing until the client aborts", async () => {
    const controller = new AbortController();
    const held = fetch(request("fault=timeout", controller.signal));
    expect((await fetch(request())).status).toBe(200);
    controller.abort();
    await expect(held).rejects.toThrow(/abort/i);
  });

  it("answers fault=unavailable with 503 unavailable", async () => {
    const response = await fetch(request("fault=unavailable"));
    expect(response.status).toBe(503);
    expect((await response.json()).code).toBe("unavailable");
  });
});
