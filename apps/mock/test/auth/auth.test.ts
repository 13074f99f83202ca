import { describe, expect, it } from "vitest";
import { errorOf, useMock } from "../use-mock.js";

const mock = useMock();

describe("Authorization", () => {
  it("answers a request without Authorization with 401 unauthenticated", async () => {
    const response = await fetch(`${mock.url}/v1/shop.Zalo/AuthorizeOA`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    expect(await errorOf(response)).toEqual({
      status: 401,
      code: "unauthenticated",
      msg: "missing Authorization header",
    });
  });

  it("treats an empty Authorization header as missing", async () => {
    expect(await errorOf(await mock.post(undefined, { headers: { Authorization: "" } }))).toMatchObject({
      status: 401,
      msg: "missing Authorization header",
    });
  });

  it.each(["Bearer", "Bearer ", "bearer   "])(
    "says the key is empty in %j, and how to send one",
    async (authorization) => {
      expect(await errorOf(await mock.post(undefined, { headers: { Authorization: authorization } }))).toEqual({
        status: 401,
        code: "unauthenticated",
        msg: 'empty Bearer key in Authorization header: send "Bearer <key>" (any non-empty key works on the mock)',
      });
    },
  );

  it.each(["Basic dXNlcjpwYXNz", "Token abc", "Bearer two words", "Bearerkey"])(
    "answers the malformed Authorization %j with 401 unauthenticated",
    async (authorization) => {
      expect(await errorOf(await mock.post(undefined, { headers: { Authorization: authorization } }))).toEqual({
        status: 401,
        code: "unauthenticated",
        msg: 'malformed Authorization header: expected "Bearer <key>"',
      });
    },
  );

  it.each(["Bearer any-key", "bearer any-key", "BEARER k"])(
    "accepts %j (any key, scheme in any case)",
    async (authorization) => {
      expect((await mock.post(undefined, { headers: { Authorization: authorization } })).status).toBe(200);
    },
  );

  it("checks the key before the body", async () => {
    const response = await mock.post(undefined, { headers: { Authorization: "" }, body: "not json" });
    expect((await errorOf(response)).code).toBe("unauthenticated");
  });
});
