import { EtelecomApiError, EtelecomInputError, parseAuthorizationCallback, type Scope } from "@etelecom-zalo/client";
import { consent } from "@etelecom-zalo/mock";
import { findOperation } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { freshKey, mockClient } from "../support/client.js";

const app = findOperation("AuthorizeOA").requestExample as { app_id: string; app_secret: string; redirect_uri: string };

/** A client with a key of its own, so the stateful mock shows it only what it connected itself. */
function shopClient(scope: Scope) {
  return mockClient({ scope, apiKey: freshKey() });
}

/** Authorizes, consents on the mock's page with `decision`, and returns the callback URL Zalo would redirect to. */
async function consentedCallback(
  zalo: ReturnType<typeof shopClient>,
  decision: "allow" | "deny" = "allow",
): Promise<string> {
  const { url } = await zalo.authorizeOA(app);
  return consent(url, { decision });
}

/** Connects one OA through the whole consent flow and returns it. */
async function connectOne(zalo: ReturnType<typeof shopClient>) {
  return zalo.connectOA(parseAuthorizationCallback(await consentedCallback(zalo)));
}

async function rejection(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail("the call should have failed"),
    (e: unknown) => e,
  );
}

describe.each<Scope>(["shop", "partner"])("the Connect Zalo OA flow through the client, as %s", (scope) => {
  it("authorizes, connects, lists, sets a webhook, reads it back and re-authorizes", async () => {
    const zalo = shopClient(scope);
    const callback = new URL(await consentedCallback(zalo));
    expect(callback.origin + callback.pathname).toBe(app.redirect_uri);
    const params = parseAuthorizationCallback(callback);

    const connected = await zalo.connectOA(params);
    expect(connected).toMatchObject({ oa_id: params.oa_id, app_id: app.app_id, status: "P" });

    const listed = [];
    for await (const oa of zalo.listOA.all({})) listed.push(oa);
    expect(listed.map((oa) => oa.oa_id)).toEqual([params.oa_id]);

    const webhook_url = "https://shop.example.com/zalo/events?shop=42";
    expect(await zalo.updateShopOA({ oa_id: params.oa_id, webhook_url })).toMatchObject({ webhook_url });
    expect(await zalo.getShopOA({ oa_id: BigInt(params.oa_id) })).toMatchObject({ oa_id: params.oa_id, webhook_url });

    const { url } = await zalo.refreshToken({ oa_id: params.oa_id });
    expect(new URL(url).searchParams.get("app_id")).toBe(app.app_id);
    const renewed = await zalo.connectOA(parseAuthorizationCallback(await consent(url, { oa_id: params.oa_id })));
    expect(renewed.oa_id).toBe(params.oa_id);
    expect(Date.parse(renewed.expires_at ?? "")).toBeGreaterThanOrEqual(Date.parse(connected.expires_at ?? ""));
  });

  it("turns the owner's refusal into an input error before any call", async () => {
    const error = await rejection(
      (async () => parseAuthorizationCallback(await consentedCallback(shopClient(scope), "deny")))(),
    );
    expect(error).toBeInstanceOf(EtelecomInputError);
  });

  it("refuses a code used twice, a wrong state and a wrong oa_id with ConnectOA's own 400s", async () => {
    const zalo = shopClient(scope);
    const used = parseAuthorizationCallback(await consentedCallback(zalo));
    await zalo.connectOA(used);
    const wrongState = parseAuthorizationCallback(await consentedCallback(zalo));
    const wrongOA = parseAuthorizationCallback(await consentedCallback(zalo));
    // Each call starts only when awaited: calls started together would leave a rejection unobserved while an
    // earlier one is awaited, which Node reports as an unhandled rejection on a slow machine.
    for (const [call, msg] of [
      [() => zalo.connectOA(used), "code: is invalid, expired or already used"],
      [
        () => zalo.connectOA({ ...wrongState, state: Number(wrongState.state) + 1 }),
        "state: does not match the consent link",
      ],
      [
        () => zalo.connectOA({ ...wrongOA, oa_id: wrongOA.oa_id === "1" ? "2" : "1" }),
        "oa_id: does not match the consent",
      ],
    ] as const) {
      expect(await rejection(call())).toMatchObject({ status: 400, code: "invalid_argument", msg });
    }
  });

  it("answers 404 not_found for an OA the key has not connected, and shows another key nothing", async () => {
    const owner = shopClient(scope);
    const { oa_id } = await connectOne(owner);
    const stranger = shopClient(scope);
    for (const call of [
      () => stranger.getShopOA({ oa_id }),
      () => stranger.updateShopOA({ oa_id, webhook_url: "https://example.com/hook" }),
      () => stranger.refreshToken({ oa_id }),
    ]) {
      const error = await rejection(call());
      expect(error).toBeInstanceOf(EtelecomApiError);
      expect(error).toMatchObject({ status: 404, code: "not_found" });
    }
    expect(await stranger.listOA({})).toMatchObject({ accounts: [] });
  });

  it("refuses a paging cursor the list did not issue", async () => {
    const zalo = shopClient(scope);
    for (const field of ["after", "before"] as const) {
      expect(await rejection(zalo.listOA({ paging: { [field]: "not-a-cursor" } }))).toMatchObject({
        status: 400,
        msg: `paging.${field}: is not a cursor of this list`,
      });
    }
  });
});
