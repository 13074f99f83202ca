import type { Middleware } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { createZaloCloudClient } from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";

const body = { app_id: "1", app_secret: "s", redirect_uri: "https://example.com/cb" };
const ok = () => json(200, { url: "https://oauth.zaloapp.com/v4/oa/permission" });

describe("headers", () => {
  it("sends extra headers, in any HeadersInit form, with every request", async () => {
    for (const headers of [
      { "X-Trace": "t1" },
      [["X-Trace", "t1"]] as [string, string][],
      new Headers({ "X-Trace": "t1" }),
    ]) {
      const fake = fakeFetch(ok);
      await createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch, headers }).authorizeOA(body);
      expect(fake.calls[0]?.request.headers.get("x-trace")).toBe("t1");
    }
  });

  it("asks for JSON by default, as eTelecom's docs do, and lets the caller change it", async () => {
    const fake = fakeFetch(ok);
    await createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch }).authorizeOA(body);
    expect(fake.calls[0]?.request.headers.get("accept")).toBe("application/json");
    const custom = fakeFetch(ok);
    const headers = { accept: "application/json, */*" };
    await createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: custom.fetch, headers }).authorizeOA(body);
    expect(custom.calls[0]?.request.headers.get("accept")).toBe("application/json, */*");
  });

  it("cannot replace the Authorization header built from apiKey", async () => {
    const fake = fakeFetch(ok);
    const headers = { authorization: "Bearer someone-else" };
    await createZaloCloudClient({ apiKey: "mine", scope: "shop", fetch: fake.fetch, headers }).authorizeOA(body);
    expect(fake.calls[0]?.request.headers.get("authorization")).toBe("Bearer mine");
  });
});

describe("middleware", () => {
  it("runs openapi-fetch middleware on authorizeOA's requests and responses, in order", async () => {
    const seen: string[] = [];
    const middleware: Middleware[] = [
      {
        onRequest({ request }) {
          seen.push(`first ${request.method} ${new URL(request.url).pathname}`);
          request.headers.set("X-Request-Id", "r-1");
          return request;
        },
      },
      {
        onRequest() {
          seen.push("second");
        },
        onResponse({ response }) {
          seen.push(`response ${response.status}`);
        },
      },
    ];
    const fake = fakeFetch(ok);
    await createZaloCloudClient({ apiKey: "k", scope: "partner", fetch: fake.fetch, middleware }).authorizeOA(body);
    expect(seen).toEqual(["first POST /v1/partner.Zalo/AuthorizeOA", "second", "response 200"]);
    expect(fake.calls[0]?.request.headers.get("x-request-id")).toBe("r-1");
  });

  it("applies to the raw client too", async () => {
    const fake = fakeFetch(ok);
    const middleware: Middleware[] = [{ onRequest: ({ request }) => void request.headers.set("X-Mark", "1") }];
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch, middleware });
    await client.raw.POST("/v1/{scope}.Zalo/AuthorizeOA", { params: { path: { scope: "shop" } }, body });
    expect(fake.calls[0]?.request.headers.get("x-mark")).toBe("1");
  });
});

describe("isolation", () => {
  it("keeps two clients' keys, scopes and fetches apart under concurrent calls", async () => {
    const shop = fakeFetch(ok);
    const partner = fakeFetch(ok);
    const a = createZaloCloudClient({ apiKey: "key-a", scope: "shop", fetch: shop.fetch, headers: { "X-Who": "a" } });
    const b = createZaloCloudClient({ apiKey: "key-b", scope: "partner", fetch: partner.fetch });
    await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).authorizeOA(body)));
    expect(shop.calls).toHaveLength(10);
    expect(partner.calls).toHaveLength(10);
    for (const { request } of shop.calls) {
      expect(request.headers.get("authorization")).toBe("Bearer key-a");
      expect(request.headers.get("x-who")).toBe("a");
      expect(request.url).toBe("https://api.etelecom.vn/v1/shop.Zalo/AuthorizeOA");
    }
    for (const { request } of partner.calls) {
      expect(request.headers.get("authorization")).toBe("Bearer key-b");
      expect(request.headers.get("x-who")).toBeNull();
      expect(request.url).toBe("https://api.etelecom.vn/v1/partner.Zalo/AuthorizeOA");
    }
  });

  it("uses the global fetch when none is injected, looked up at call time", async () => {
    const original = globalThis.fetch;
    const fake = fakeFetch(ok);
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop" });
    globalThis.fetch = fake.fetch;
    try {
      await client.authorizeOA(body);
    } finally {
      globalThis.fetch = original;
    }
    expect(fake.calls).toHaveLength(1);
  });
});
