import { describe, expect, it } from "vitest";
import { consent } from "../../src/index.js";
import { connectBodyOf, consentFor } from "../flow.js";
import { bodyOf, useMock, validBody } from "../use-mock.js";

const mock = useMock();
const REDIRECT_URI = "https://shop.example.com/zalo/callback?tenant=42";
const second = "3141592653589793238";

describe.each(["shop", "partner"] as const)("the whole connection flow, %s scope", (scope) => {
  const key = `flow-${scope}`;
  const call = (operationId: string, body: unknown) => mock.call(operationId, body, { key, scope });

  it("authorizes, consents, connects, lists, sets the webhook, reads it, refreshes and renews", async () => {
    const authorized = await call("AuthorizeOA", { ...validBody, redirect_uri: REDIRECT_URI });
    expect(authorized.status).toBe(200);
    const link = new URL(authorized.body.url);
    expect(link.origin + link.pathname).toBe(`${mock.url}/v4/oa/permission`);
    expect(Object.fromEntries(link.searchParams)).toEqual({
      app_id: validBody.app_id,
      redirect_uri: REDIRECT_URI,
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/^[1-9][0-9]{15}$/),
    });

    const callback = new URL(await consent(authorized.body.url, { oa_id: second }));
    expect(callback.href.startsWith(`${REDIRECT_URI}&`)).toBe(true);
    expect(callback.searchParams.get("tenant")).toBe("42");
    expect(callback.searchParams.get("oa_id")).toBe(second);
    expect(callback.searchParams.get("state")).toBe(link.searchParams.get("state"));
    expect(callback.searchParams.get("code")).toMatch(/^[A-Za-z0-9]{32}$/);

    const connected = await call("ConnectOA", connectBodyOf(callback.href));
    expect(connected.status).toBe(200);
    expect(connected.body).toMatchObject({
      oa_id: second,
      name: "Cà Phê Gió Chiều",
      app_id: validBody.app_id,
      status: "P",
      connection_method: "direct",
      shop_id: expect.stringMatching(/^[0-9]{1,19}$/),
      connection_id: expect.stringMatching(/^[0-9]{19}$/),
    });
    expect(connected.body).not.toHaveProperty("webhook_url");
    const connectedAt = Date.parse(connected.body.created_at);
    expect(Math.abs(connectedAt - Date.now())).toBeLessThan(60_000);
    const expires = new Date(connectedAt);
    expires.setUTCMonth(expires.getUTCMonth() + 3);
    expect(Date.parse(connected.body.expires_at)).toBe(expires.getTime());

    const listed = await call("ListOA", {});
    expect(listed).toEqual({ status: 200, body: { accounts: [connected.body], paging: { limit: 20 } } });

    const webhook_url = "https://shop.example.com/zalo/webhook";
    const updated = await call("UpdateShopOA", { oa_id: second, webhook_url });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ ...connected.body, webhook_url, updated_at: expect.any(String) });
    expect(updated.body).toHaveProperty("monthly_promotion_quota", 20);
    expect(await call("GetShopOA", { oa_id: second })).toEqual(updated);
    expect((await call("ListOA", {})).body.accounts[0].updated_at).toBe(updated.body.updated_at);

    const refreshed = await call("RefreshToken", { oa_id: second });
    expect(refreshed.status).toBe(200);
    const relink = new URL(refreshed.body.url);
    expect(relink.searchParams.get("app_id")).toBe(validBody.app_id);
    expect(relink.searchParams.get("redirect_uri")).toBe(REDIRECT_URI);
    expect(relink.searchParams.get("state")).not.toBe(link.searchParams.get("state"));
    const page = await (await fetch(refreshed.body.url)).text();
    expect(page.match(/type="radio"/g)).toHaveLength(1);

    const renewed = await call("ConnectOA", connectBodyOf(await consent(refreshed.body.url)));
    expect(renewed.status).toBe(200);
    expect(renewed.body).toMatchObject({
      oa_id: second,
      created_at: connected.body.created_at,
      connection_id: connected.body.connection_id,
    });
    expect((await call("GetShopOA", { oa_id: second })).body.webhook_url).toBe(webhook_url);
    expect((await call("ListOA", {})).body.accounts).toHaveLength(1);
  });
});

describe("what ConnectOA refuses", () => {
  it("redirects a Deny with error=access_denied and no code", async () => {
    const { body } = await mock.call("AuthorizeOA", { ...validBody, redirect_uri: REDIRECT_URI }, { key: "deny" });
    const callback = new URL(await consent(body.url, { decision: "deny" }));
    expect(callback.href).toBe(
      `${REDIRECT_URI}&error=access_denied&state=${new URL(body.url).searchParams.get("state")}`,
    );
    expect((await mock.call("ListOA", {}, { key: "deny" })).body.accounts).toEqual([]);
  });

  it("takes a code once", async () => {
    const { connectBody } = await consentFor(mock, { key: "reuse" });
    expect((await mock.call("ConnectOA", connectBody, { key: "reuse" })).status).toBe(200);
    expect(await mock.call("ConnectOA", connectBody, { key: "reuse" })).toEqual({
      status: 400,
      body: { code: "invalid_argument", msg: "code: is invalid, expired or already used" },
    });
  });

  it.each([
    ["a state that is not the link's", { state: 1 }, "state: does not match the consent link"],
    ["an oa_id that is not the consent's", { oa_id: second }, "oa_id: does not match the consent"],
    ["an unknown code", { code: "not-a-code" }, "code: is invalid, expired or already used"],
  ])("refuses %s, and keeps the code for the right request", async (_case, change, msg) => {
    const { connectBody } = await consentFor(mock, { key: "mismatch" });
    expect(await mock.call("ConnectOA", { ...connectBody, ...change }, { key: "mismatch" })).toEqual({
      status: 400,
      body: { code: "invalid_argument", msg },
    });
    expect((await mock.call("ConnectOA", connectBody, { key: "mismatch" })).status).toBe(200);
  });

  it("refuses a code issued to another key", async () => {
    const { connectBody } = await consentFor(mock, { key: "owner" });
    expect((await mock.call("ConnectOA", connectBody, { key: "thief" })).body.msg).toBe(
      "code: is invalid, expired or already used",
    );
  });
});

describe("keys", () => {
  it("keep their OAs to themselves", async () => {
    const { connectBody } = await consentFor(mock, { key: "alice" });
    expect((await mock.call("ConnectOA", connectBody, { key: "alice" })).status).toBe(200);
    const oa = { oa_id: connectBody.oa_id };
    expect((await mock.call("ListOA", {}, { key: "alice" })).body.accounts).toHaveLength(1);
    expect((await mock.call("ListOA", {}, { key: "bob" })).body).toEqual({ accounts: [], paging: { limit: 20 } });
    for (const operationId of ["GetShopOA", "RefreshToken"]) {
      expect(await mock.call(operationId, oa, { key: "bob" })).toEqual({
        status: 404,
        body: { code: "not_found", msg: "oa_id: is not an OA connected to this shop" },
      });
    }
    expect((await mock.call("UpdateShopOA", { ...bodyOf("UpdateShopOA"), ...oa }, { key: "bob" })).status).toBe(404);
  });

  it("belong to a shop whatever the scope: a partner with a shop's key sees the shop's OAs", async () => {
    const { connectBody } = await consentFor(mock, { key: "shared", scope: "shop" });
    await mock.call("ConnectOA", connectBody, { key: "shared", scope: "shop" });
    const listed = await mock.call("ListOA", {}, { key: "shared", scope: "partner" });
    expect(listed.body.accounts.map((oa: { oa_id: string }) => oa.oa_id)).toEqual([connectBody.oa_id]);
  });
});
