import { EtelecomApiError } from "@etelecom-zalo/client";
import { describe, expect, it } from "vitest";
import { mockClient } from "../support/client.js";
import { shopApp as body, documentedExample as example } from "../support/fixtures.js";

describe("the documented errors, provoked for real", () => {
  it("answers a missing app_id with 400 invalid_argument naming app_id", async () => {
    const { app_id: _, ...withoutAppId } = body;
    const { response, error } = await mockClient().raw.POST("/v1/{scope}.Zalo/AuthorizeOA", {
      params: { path: { scope: "shop" } },
      body: withoutAppId as typeof body,
    });
    expect(response.status).toBe(400);
    expect(error).toEqual(example(400, "missing_field"));
  });

  it("answers an app_id that is not int64 digits with 400 invalid_argument naming app_id", async () => {
    const { response, error } = await mockClient().raw.POST("/v1/{scope}.Zalo/AuthorizeOA", {
      params: { path: { scope: "shop" } },
      body: { ...body, app_id: "12ab" },
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: "invalid_argument", msg: expect.stringMatching(/(^|; )app_id: /) });
  });

  it("answers a body that is not JSON with 400 invalid_argument", async () => {
    const { response, error } = await mockClient().raw.POST("/v1/{scope}.Zalo/AuthorizeOA", {
      params: { path: { scope: "shop" } },
      body,
      bodySerializer: () => '{"app_id": "1",',
    });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: "invalid_argument" });
  });

  it("answers a request without Authorization with 401 unauthenticated", async () => {
    const error = await mockClient("shop", { drop: ["Authorization"] })
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 401, code: "unauthenticated" });
  });

  it.each([
    ["a misspelt method", "/v1/shop.Zalo/AuthoriseOA"],
    ["an unknown scope", "/v1/admin.Zalo/AuthorizeOA"],
  ])("answers %s with 404 bad_route", async (_, path) => {
    const { response, error } = await mockClient().raw.POST(path as "/v1/{scope}.Zalo/AuthorizeOA", {
      params: { path: { scope: "shop" } },
      body,
    });
    expect(response.status).toBe(404);
    expect(error).toMatchObject({ code: "bad_route" });
  });

  it("answers a body sent without Content-Type: application/json with 404 bad_route", async () => {
    const error = await mockClient("shop", { set: { "Content-Type": "text/plain" } })
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 404, code: "bad_route" });
  });
});
