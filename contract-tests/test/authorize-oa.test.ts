import { type AuthorizeOARequest, EtelecomApiError, type Scope } from "@etelecom-zalo/client";
import { describe, expect, it } from "vitest";
import { mockClient } from "./support/client.js";
import { shopApp } from "./support/fixtures.js";

const body: AuthorizeOARequest = shopApp;

/** Sends AuthorizeOA with `Prefer: code=<status>` so the mock answers that documented response. */
function clientPreferring(scope: Scope, status?: number) {
  return mockClient(scope, status === undefined ? {} : { prefer: `code=${status}` });
}

describe.each<Scope>(["shop", "partner"])("AuthorizeOA as %s", (scope) => {
  it("returns the Zalo OA consent link", async () => {
    const { url } = await clientPreferring(scope).authorizeOA(body);
    const link = new URL(url);
    expect(link.origin + link.pathname).toBe("https://oauth.zaloapp.com/v4/oa/permission");
    expect(link.searchParams.get("app_id")).toBe(body.app_id);
    expect(link.searchParams.get("redirect_uri")).toBe(body.redirect_uri);
  });

  it.each([
    [400, "invalid_argument"],
    [401, "unauthenticated"],
    [404, "bad_route"],
    [500, "internal"],
  ])("surfaces the documented %i response as an EtelecomApiError (%s)", async (status, code) => {
    const error = await clientPreferring(scope, status)
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status, code });
    expect((error as EtelecomApiError).msg).not.toBe("");
  });
});

it("rejects a request without an Authorization header with 401 unauthenticated", async () => {
  const client = mockClient("shop", { drop: ["Authorization"] });
  await expect(client.authorizeOA(body)).rejects.toMatchObject({ status: 401, code: "unauthenticated" });
});

it("rejects a body that breaks the schema with 400 invalid_argument", async () => {
  const { app_id: _, ...withoutAppId } = body;
  const client = clientPreferring("shop");
  await expect(client.authorizeOA(withoutAppId as AuthorizeOARequest)).rejects.toMatchObject({
    status: 400,
    code: "invalid_argument",
  });
});

it("exposes openapi-fetch's { data, error, response } through raw", async () => {
  const { data, error, response } = await clientPreferring("shop").raw.POST("/v1/{scope}.Zalo/AuthorizeOA", {
    params: { path: { scope: "shop" } },
    body,
  });
  expect(response.status).toBe(200);
  expect(error).toBeUndefined();
  expect(data?.url).toMatch(/^https:\/\/oauth\.zaloapp\.com\//);
});
