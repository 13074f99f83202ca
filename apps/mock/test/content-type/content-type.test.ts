import { describe, expect, it } from "vitest";
import { errorOf, useMock } from "../use-mock.js";

const mock = useMock();

describe("Content-Type and JSON", () => {
  it("answers a request without Content-Type with 404 bad_route, as eTelecom's docs show", async () => {
    const response = await fetch(`${mock.url}/v1/shop.Zalo/AuthorizeOA`, {
      method: "POST",
      headers: { Authorization: "Bearer k" },
    });
    expect(await errorOf(response)).toEqual({ status: 404, code: "bad_route", msg: 'unexpected Content-Type: ""' });
  });

  it.each(["text/plain", "application/x-www-form-urlencoded", "application/jsonx", "application/problem+json"])(
    "answers Content-Type %s with 404 bad_route quoting it",
    async (type) => {
      expect(await errorOf(await mock.post(undefined, { headers: { "Content-Type": type } }))).toEqual({
        status: 404,
        code: "bad_route",
        msg: `unexpected Content-Type: ${JSON.stringify(type)}`,
      });
    },
  );

  it.each(["application/json; charset=utf-8", "Application/JSON"])("accepts Content-Type %s", async (type) => {
    expect((await mock.post(undefined, { headers: { "Content-Type": type } })).status).toBe(200);
  });

  it.each(['{"app_id": ', "app_id=1", "{'app_id': '1'}", "\u00ff"])(
    "answers the non-JSON body %j with 400 invalid_argument",
    async (body) => {
      expect(await errorOf(await mock.post(undefined, { body }))).toEqual({
        status: 400,
        code: "invalid_argument",
        msg: "body: is not valid JSON",
      });
    },
  );
});
