import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { startMock } from "../src/index.js";

const body = JSON.stringify({
  app_id: "1234567890123456789",
  app_secret: "s",
  redirect_uri: "https://example.com/cb",
});

function authorizeOA(origin: string, scope: string) {
  return fetch(`${origin}/v1/${scope}.Zalo/AuthorizeOA`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer k" },
    body,
  });
}

/** Resolves once something can listen on `port` again. */
function portIsFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

describe("startMock", () => {
  it("listens on a free loopback port and serves AuthorizeOA for both scopes", async () => {
    const mock = await startMock({ port: 0 });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      for (const scope of ["shop", "partner"]) {
        const response = await authorizeOA(mock.url, scope);
        expect(response.status).toBe(200);
        expect(await response.json()).toHaveProperty("url", expect.stringMatching(/^https:\/\/oauth\.zaloapp\.com\//));
      }
    } finally {
      await mock.close();
    }
  });

  it("frees its port on close", async () => {
    const mock = await startMock({ port: 0 });
    const port = Number(new URL(mock.url).port);
    await mock.close();
    expect(await portIsFree(port)).toBe(true);
  });
});
