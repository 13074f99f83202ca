import { describe, expect, it } from "vitest";
import { createZaloCloudClient, EtelecomApiError, EtelecomInvalidResponseError } from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";

const body = { app_id: "1234567890123456789", app_secret: "app-secret-1", redirect_uri: "https://example.com/cb" };

function answering(response: () => Response) {
  return createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fakeFetch(response).fetch });
}

describe("a 200 answer", () => {
  it("resolves to { url } and drops fields the spec does not document", async () => {
    const client = answering(() => json(200, { url: "https://oauth.zaloapp.com/v4/oa/permission", extra: 1 }));
    await expect(client.authorizeOA(body)).resolves.toStrictEqual({
      url: "https://oauth.zaloapp.com/v4/oa/permission",
    });
  });

  it.each([
    ["an object without url", () => json(200, { link: "https://x" })],
    ["a url that is not a string", () => json(200, { url: 42 })],
    ["a JSON array", () => json(200, [{ url: "https://x" }])],
    ["JSON null", () => json(200, null)],
    ["a bare JSON string", () => json(200, "https://x")],
    ["an HTML page", () => new Response("<html><body>Welcome</body></html>", { status: 200 })],
    ["a truncated JSON body", () => new Response('{"url":"https://oauth.za', { status: 200 })],
    ["an empty body", () => new Response("", { status: 200 })],
    ["a Content-Length: 0 body", () => new Response("", { status: 200, headers: { "Content-Length": "0" } })],
  ])("rejects %s with an EtelecomInvalidResponseError", async (_, response) => {
    const error = await answering(response)
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(error).toMatchObject({ status: 200 });
  });

  it("keeps what was received in body: parsed JSON, or the text", async () => {
    const wrongShape = await answering(() => json(200, { link: "x" }))
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(wrongShape).toMatchObject({ body: { link: "x" } });
    const html = await answering(() => new Response("<html>", { status: 200 }))
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(html).toMatchObject({ body: "<html>" });
  });
});

describe("an error status", () => {
  it("with eTelecom's { code, msg } body rejects with an EtelecomApiError", async () => {
    const errorBody = { code: "unauthenticated", msg: "invalid token" };
    const error = await answering(() => json(401, errorBody))
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 401, code: "unauthenticated", msg: "invalid token", body: errorBody });
    expect((error as Error).message).toBe("eTelecom answered 401 unauthenticated: invalid token");
  });

  it("passes an undocumented code through as it came", async () => {
    const error = await answering(() => json(429, { code: "resource_exhausted_v2", msg: "slow down" }))
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: "resource_exhausted_v2", msg: "slow down" });
  });

  it("with a code but no msg still is an EtelecomApiError, with an empty msg", async () => {
    const error = await answering(() => json(500, { code: "internal" }))
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 500, code: "internal", msg: "" });
  });

  it.each([
    ["a proxy's HTML 502 page", () => new Response("<html><h1>502 Bad Gateway</h1></html>", { status: 502 }), 502],
    ["an empty 503", () => new Response(null, { status: 503 }), 503],
    ["a JSON body without code", () => json(400, { error: "bad" }), 400],
    ["a truncated JSON body", () => new Response('{"code":"inval', { status: 400 }), 400],
  ])("with %s rejects with an EtelecomInvalidResponseError carrying the status", async (_, response, status) => {
    const error = await answering(response)
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(error).toMatchObject({ status });
  });
});
