import { describe, expect, it } from "vitest";
import { errorOf, expectJson, useMock } from "../use-mock.js";

const mock = useMock();

describe("routes", () => {
  it.each(["shop", "partner"])("serves POST /v1/%s.Zalo/AuthorizeOA, the production path", async (scope) => {
    const production = new URL(`https://api.etelecom.vn/v1/${scope}.Zalo/AuthorizeOA`);
    const response = await mock.post(production.pathname);
    expect(response.status).toBe(200);
    expectJson(response);
    expect(await response.json()).toHaveProperty(
      "url",
      expect.stringMatching(new RegExp(`^${mock.url}/v4/oa/permission\\?`)),
    );
  });

  it.each([
    "/v1/admin.Zalo/AuthorizeOA",
    "/v1/shop.Zalo/AuthoriseOA",
    "/v1/shop.Zalo/AuthorizeOA/",
    "/v2/shop.Zalo/AuthorizeOA",
    "/",
  ])("answers %s with 404 bad_route naming the path", async (path) => {
    expect(await errorOf(await mock.post(path))).toEqual({
      status: 404,
      code: "bad_route",
      msg: `no handler for path ${path}`,
    });
  });

  it("routes before it authenticates: an unknown scope without a key is still 404", async () => {
    const response = await mock.post("/v1/admin.Zalo/AuthorizeOA", { headers: { Authorization: "" } });
    expect(await errorOf(response)).toMatchObject({ status: 404, code: "bad_route" });
  });

  it.each(["GET", "PUT", "DELETE", "PATCH"])(
    "answers %s on the route with 404 bad_route naming method and path",
    async (method) => {
      expect(await errorOf(await mock.post(undefined, { method }))).toEqual({
        status: 404,
        code: "bad_route",
        msg: `unsupported method ${method} for path /v1/shop.Zalo/AuthorizeOA (only POST is allowed)`,
      });
    },
  );

  it("ignores the query string when routing", async () => {
    expect((await mock.post("/v1/shop.Zalo/AuthorizeOA?utm=x")).status).toBe(200);
  });
});
