import { describe, expect, it } from "vitest";
import { createMockEngine } from "../../src/index.js";
import { ORIGIN } from "../engine.js";
import { AUTHORIZE_OA, errorOf, useMock, validBody } from "../use-mock.js";

const call = (engine: { handle(request: Request): Promise<Response> }, key: string) =>
  engine.handle(
    new Request(ORIGIN + AUTHORIZE_OA, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify(validBody),
    }),
  );

describe("--rate-limit, per key, on the mock's clock", () => {
  it("refuses a key's calls over its limit with 429 resource_exhausted and Retry-After, until the window ends", async () => {
    let now = Date.UTC(2026, 0, 1);
    const engine = await createMockEngine({ rateLimit: { requests: 2, seconds: 10 }, now: () => now });
    expect((await call(engine, "a")).status).toBe(200);
    now += 3_500;
    expect((await call(engine, "a")).status).toBe(200);
    const refused = await call(engine, "a");
    expect(refused.headers.get("retry-after")).toBe("7");
    expect(await errorOf(refused)).toEqual({
      status: 429,
      code: "resource_exhausted",
      msg: "too many requests: at most 2 per 10 s for this key, retry after 7 s",
    });
    // Another key has a window of its own.
    expect((await call(engine, "b")).status).toBe(200);
    now += 6_500;
    expect((await call(engine, "a")).status).toBe(200);
  });

  it("forgets a key's window with the key (reset, or the store's cap on keys)", async () => {
    const engine = await createMockEngine({ rateLimit: { requests: 1, seconds: 60 } });
    expect((await call(engine, "a")).status).toBe(200);
    expect((await call(engine, "a")).status).toBe(429);
    engine.reset("a");
    expect((await call(engine, "a")).status).toBe(200);
  });

  it("documents Retry-After on a forced 429 too", async () => {
    const engine = await createMockEngine();
    const forced = await engine.handle(
      new Request(`${ORIGIN}${AUTHORIZE_OA}?__code=429`, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
        body: JSON.stringify(validBody),
      }),
    );
    expect(forced.status).toBe(429);
    expect(forced.headers.get("retry-after")).toBe("1");
  });
});

describe("--rate-limit over the node server", () => {
  const mock = useMock({ rateLimit: { requests: 1, seconds: 3600 } });

  it("answers the second call of a key with 429 and Retry-After in whole seconds", async () => {
    expect((await mock.post()).status).toBe(200);
    const refused = await mock.post();
    expect(refused.headers.get("retry-after")).toMatch(/^(3600|3599)$/);
    expect(await errorOf(refused)).toMatchObject({ status: 429, code: "resource_exhausted" });
  });
});
