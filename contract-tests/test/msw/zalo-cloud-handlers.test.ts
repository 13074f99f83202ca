import { createZaloCloudClient, ORIGINS, parseAuthorizationCallback } from "@etelecom-zalo/client";
import { consent } from "@etelecom-zalo/mock";
import { type ZaloCloudHandlers, zaloCloudHandlers } from "@etelecom-zalo/mock/msw";
import { findOperation } from "@etelecom-zalo/openapi";
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";

const app = findOperation("AuthorizeOA").requestExample as { app_id: string; app_secret: string; redirect_uri: string };

/** What MSW answers with these handlers alone, or undefined when none matches and the request would go out. */
const answer = (handlers: ZaloCloudHandlers, input: string | URL | Request, init?: RequestInit) =>
  getResponse(handlers, new Request(input, init));

/** What these handlers answer, which must be something. */
async function answered(handlers: ZaloCloudHandlers, input: string | URL | Request, init?: RequestInit) {
  const response = await answer(handlers, input, init);
  if (response === undefined) throw new Error(`no handler answered ${input instanceof Request ? input.url : input}`);
  return response;
}

/** A `fetch` that only these handlers answer: a request they do not match is a network error. */
const through =
  (handlers: ZaloCloudHandlers): typeof fetch =>
  async (input, init) =>
    (await answer(handlers, input, init)) ?? Response.error();

const authorizeOA = (origin: string) =>
  new Request(`${origin}/v1/shop.Zalo/AuthorizeOA`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer test-key" },
    body: JSON.stringify(app),
  });

describe("zaloCloudHandlers", () => {
  it("answers production's, sandbox's and baseUrl's origins, with consent links on the origin called", async () => {
    const handlers = await zaloCloudHandlers({ baseUrl: "http://[::1]:4010/" });
    for (const origin of [ORIGINS.production, ORIGINS.sandbox, "http://[::1]:4010"]) {
      const response = await answered(handlers, authorizeOA(origin));
      expect(response.status).toBe(200);
      const link = new URL(((await response.json()) as { url: string }).url);
      expect(link.origin + link.pathname).toBe(`${origin}/v4/oa/permission`);
    }
  });

  it("leaves every other origin alone", async () => {
    const handlers = await zaloCloudHandlers({ baseUrl: "http://127.0.0.1:4010" });
    for (const origin of [
      "http://127.0.0.1:4011",
      "http://api.etelecom.vn",
      "https://api.etelecom.vn.example.com",
      "https://example.com",
    ]) {
      expect(await answer(handlers, authorizeOA(origin)), origin).toBeUndefined();
    }
  });

  it("answers every path of the origin as the mock does, the API's bad_route and the mock's own pages included", async () => {
    const handlers = await zaloCloudHandlers();
    const root = await answered(handlers, `${ORIGINS.production}/`, { method: "POST" });
    expect(root.status).toBe(404);
    expect(await root.json()).toEqual({ code: "bad_route", msg: "no handler for path /" });
    const docs = await answered(handlers, `${ORIGINS.sandbox}/__docs`);
    expect(docs.status).toBe(200);
    expect(docs.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const reset = await answered(handlers, `${ORIGINS.production}/__reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"all": true}',
    });
    expect(await reset.json()).toEqual({ status: "reset", scope: "all" });
  });

  it("reset() forgets every key's OAs and links, back to the fixtures", async () => {
    const fixture = { oa_id: "77", name: "Cửa Hàng Fixture", status: "P" };
    const handlers = await zaloCloudHandlers({ fixtures: { "fixture-key": { oa: [fixture] } } });
    const zalo = createZaloCloudClient({ apiKey: "fixture-key", scope: "shop", fetch: through(handlers) });
    const link = (await zalo.authorizeOA(app)).url;
    await zalo.connectOA(parseAuthorizationCallback(await consent(link, { fetch: through(handlers) })));
    const unused = (await zalo.authorizeOA(app)).url;
    expect((await zalo.listOA({})).accounts).toHaveLength(2);

    handlers.reset();
    expect((await zalo.listOA({})).accounts.map((oa) => oa.oa_id)).toEqual(["77"]);
    await expect(consent(unused, { fetch: through(handlers) })).rejects.toThrow(
      /^consent page answered 400: state: no consent link has this state/,
    );
  });

  it("keeps the state of each call apart", async () => {
    const [first, second] = await Promise.all([zaloCloudHandlers(), zaloCloudHandlers()]);
    const link = (await (await answered(first, authorizeOA(ORIGINS.production))).json()) as { url: string };
    expect((await answered(first, link.url)).status).toBe(200);
    expect((await answered(second, link.url)).status).toBe(400);
  });

  it.each([
    [{ baseUrl: "127.0.0.1:4010" }, /^baseUrl must be an absolute URL such as "https:\/\/api.etelecom.vn", got/],
    [{ baseUrl: "ftp://mock.example.com" }, /^baseUrl must use https, got ftp:$/],
    [
      { baseUrl: "http://127.0.0.1:4010/mock" },
      /^baseUrl "http:\/\/127.0.0.1:4010\/mock" has a path prefix, which the in-process handlers do not serve: give its origin \(http:\/\/127.0.0.1:4010\)$/,
    ],
    [{ publicUrl: "mock.example.com" }, /^publicUrl "mock.example.com" is not a URL/],
    [
      { fixtures: { "shop-key": { oa: [{ oa_id: "1", status: "P" }] } } },
      /^fixtures\["shop-key"\]\.oa\[0\]: name: is required$/,
    ],
  ])("rejects %j with one line saying why", async (options, message) => {
    await expect(zaloCloudHandlers(options as never)).rejects.toThrow(message);
  });
});
