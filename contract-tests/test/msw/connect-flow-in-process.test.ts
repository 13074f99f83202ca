import { createZaloCloudClient, parseAuthorizationCallback } from "@etelecom-zalo/client";
import { consent } from "@etelecom-zalo/mock";
import { zaloCloudHandlers } from "@etelecom-zalo/mock/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";

const zaloCloud = await zaloCloudHandlers();
const server = setupServer(...zaloCloud);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  zaloCloud.reset();
  server.resetHandlers();
});
afterAll(() => server.close());

// The app's client as it is: no baseUrl, so it calls production's origin, which the handlers answer.
const zalo = createZaloCloudClient({ apiKey: "test-key", scope: "shop" });

it("connects an OA, sets its webhook and renews the connection", async () => {
  const { url } = await zalo.authorizeOA({
    app_id: "1234567890123456789",
    app_secret: "test-secret",
    redirect_uri: "https://shop.example.com/zalo/callback",
  });
  // The consent page is on the intercepted origin too: consent() opens it and submits it with the global fetch.
  const connected = await zalo.connectOA(parseAuthorizationCallback(await consent(url)));
  expect((await zalo.listOA({})).accounts.map((oa) => oa.oa_id)).toEqual([connected.oa_id]);

  const webhook_url = "https://shop.example.com/zalo/webhook";
  await zalo.updateShopOA({ oa_id: connected.oa_id, webhook_url });
  expect(await zalo.getShopOA({ oa_id: connected.oa_id })).toMatchObject({ webhook_url });

  const renewal = await zalo.refreshToken({ oa_id: connected.oa_id });
  const renewed = await zalo.connectOA(parseAuthorizationCallback(await consent(renewal.url)));
  expect(renewed).toMatchObject({ oa_id: connected.oa_id, connection_id: connected.connection_id });
});

it("starts every test from a clean slate", async () => {
  expect((await zalo.listOA({})).accounts).toEqual([]);
});
