import { portIsFree } from "@etelecom-zalo/test-support";
import { describe, expect, it } from "vitest";
import { startMock } from "../../src/index.js";

describe("startMock", () => {
  it("listens on a free loopback port by default host and reports its origin", async () => {
    const mock = await startMock({ port: 0 });
    try {
      expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await fetch(`${mock.url}/__health`)).status).toBe(200);
    } finally {
      await mock.close();
    }
  });

  it("frees its port on close, even with a keep-alive connection open", async () => {
    const mock = await startMock({ port: 0 });
    const port = Number(new URL(mock.url).port);
    await (await fetch(`${mock.url}/__health`, { keepalive: true })).text();
    await mock.close();
    expect(await portIsFree(port)).toBe(true);
  });

  it("rejects with EADDRINUSE when the port is taken", async () => {
    const mock = await startMock({ port: 0 });
    try {
      await expect(startMock({ port: Number(new URL(mock.url).port) })).rejects.toMatchObject({ code: "EADDRINUSE" });
    } finally {
      await mock.close();
    }
  });
});
