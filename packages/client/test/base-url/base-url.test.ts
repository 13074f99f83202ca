import { describe, expect, it } from "vitest";
import { createZaloCloudClient, ORIGINS } from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";

const body = { app_id: "1", app_secret: "s", redirect_uri: "https://example.com/cb" };

async function urlCalled(options: { environment?: "production" | "sandbox"; baseUrl?: string }) {
  const fake = fakeFetch(() => json(200, { url: "https://oauth.zaloapp.com/v4/oa/permission" }));
  await createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch, ...options }).authorizeOA(body);
  return fake.calls[0]?.request.url;
}

describe("base URL", () => {
  it("calls production by default", async () => {
    expect(await urlCalled({})).toBe("https://api.etelecom.vn/v1/shop.Zalo/AuthorizeOA");
  });

  it("calls the sandbox when asked", async () => {
    expect(await urlCalled({ environment: "sandbox" })).toBe(
      "https://api-sandbox.etelecom.vn/v1/shop.Zalo/AuthorizeOA",
    );
  });

  it("lets baseUrl's origin override the environment", async () => {
    expect(await urlCalled({ environment: "sandbox", baseUrl: "http://127.0.0.1:4010/" })).toBe(
      "http://127.0.0.1:4010/v1/shop.Zalo/AuthorizeOA",
    );
  });

  it.each([
    ["http://localhost:4010/mock", "http://localhost:4010/mock/v1/shop.Zalo/AuthorizeOA"],
    ["http://localhost:4010/mock/", "http://localhost:4010/mock/v1/shop.Zalo/AuthorizeOA"],
    ["https://gateway.example.com/a/b//", "https://gateway.example.com/a/b/v1/shop.Zalo/AuthorizeOA"],
  ])("keeps the path prefix of %s", async (baseUrl, expected) => {
    expect(await urlCalled({ baseUrl })).toBe(expected);
  });

  it.each([
    ["https://api.etelecom.vn/v1", /baseUrl must not end with \/v1/],
    ["https://api.etelecom.vn/mock/v1/", /baseUrl must not end with \/v1/],
    ["https://api.etelecom.vn/?key=1", /baseUrl must have no query or fragment/],
    ["https://api.etelecom.vn/mock#top", /baseUrl must have no query or fragment/],
  ])("refuses %s, which would send requests elsewhere than it says", (baseUrl, message) => {
    expect(() => createZaloCloudClient({ apiKey: "k", scope: "shop", baseUrl })).toThrow(message);
  });
});

describe("environment", () => {
  it.each(["staging", "toString", "__proto__", "constructor"])("refuses %j", (environment) => {
    expect(() => createZaloCloudClient({ apiKey: "k", scope: "shop", environment: environment as never })).toThrow(
      /environment must be "production" or "sandbox"/,
    );
  });

  it("keeps ORIGINS read-only, so no caller can point every client elsewhere", () => {
    expect(() => {
      (ORIGINS as Record<string, string>).production = "http://attacker.example";
    }).toThrow(TypeError);
    expect(ORIGINS.production).toBe("https://api.etelecom.vn");
  });
});
