import { createZaloCloudClient } from "@etelecom-zalo/client";
import { consent } from "@etelecom-zalo/mock";
import { describe, expect, it } from "vitest";
import { exampleApp } from "../../src/index.js";
import { follow, get, submit, textOf, throughConsent } from "../browse.js";
import { useDemos } from "../use-demo.js";

// 25 OAs for one key: more than ListOA's default page of 20, so the list needs `.all` to show them all.
const many = Array.from({ length: 25 }, (_, index) => ({
  oa_id: `70000000000000${String(index).padStart(5, "0")}`,
  name: `Chi nhánh ${index + 1}`,
  status: index % 5 === 0 ? "N" : "P",
}));
const stack = useDemos(
  { "connect-shop": {}, "refusing-shop": {}, "other-shop": {}, "big-shop": {}, "bound-shop": {}, "cookie-shop": {} },
  { fixtures: { "big-shop": { oa: many } } },
);

describe("connecting an OA", () => {
  it("lists no OA before one is connected, with the button that starts it", async () => {
    const page = await get(stack.url["other-shop"]);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("No Zalo OA is connected yet");
    expect(page.html).toContain('<form method="post" action="/zalo/connect">');
  });

  it("sends the browser to the consent link AuthorizeOA made for the app and the demo's callback", async () => {
    const page = await submit(`${stack.url["connect-shop"]}/zalo/connect`);
    expect(page.status).toBe(302);
    const link = new URL(page.location as string);
    expect(link.origin + link.pathname).toBe(`${stack.mock.url}/v4/oa/permission`);
    expect(link.searchParams.get("app_id")).toBe(exampleApp().app_id);
    expect(link.searchParams.get("redirect_uri")).toBe(`${stack.url["connect-shop"]}/zalo/callback`);
  });

  it("connects the OA picked on Zalo with Allow, opens its page, and lists it with its expiry", async () => {
    const callback = await throughConsent(`${stack.url["connect-shop"]}/zalo/connect`, {
      oa_id: "3141592653589793238",
    });
    expect(callback.status).toBe(303);
    expect(callback.location).toBe(`${stack.url["connect-shop"]}/oa/3141592653589793238?notice=connected`);
    const oaPage = await follow(callback);
    expect(oaPage.status).toBe(200);
    expect(textOf(oaPage.html)).toContain("Zalo OA connected.");
    expect(oaPage.html).toContain("<h1>Cà Phê Gió Chiều</h1>");

    const list = await get(stack.url["connect-shop"]);
    const zalo = createZaloCloudClient({ apiKey: "connect-shop", scope: "shop", baseUrl: stack.mock.url });
    const [listed] = (await zalo.listOA({})).accounts;
    expect(listed?.oa_id).toBe("3141592653589793238");
    expect(textOf(list.html)).toContain("Cà Phê Gió Chiều OA ID 3141592653589793238 Connected Refresh token expires");
    expect(list.html).toContain(`<time datetime="${listed?.expires_at}">`);
    expect(list.html).toContain('href="/oa/3141592653589793238"');
  });

  it("says the owner refused after Deny, and connects nothing", async () => {
    const callback = await throughConsent(`${stack.url["refusing-shop"]}/zalo/connect`, { decision: "deny" });
    expect(callback.status).toBe(303);
    expect(callback.location).toBe(`${stack.url["refusing-shop"]}/?notice=refused`);
    const list = await follow(callback);
    expect(textOf(list.html)).toContain("No OA was connected: the OA owner did not allow the app on Zalo.");
    expect(textOf(list.html)).toContain("No Zalo OA is connected yet");
  });

  it("answers a reused code with a 400 page that says why and offers to start again", async () => {
    const form = `${stack.url["connect-shop"]}/zalo/connect`;
    const clicked = await submit(form);
    const callback = await consent(clicked.location as string, { oa_id: "4321098765432109876" });
    expect((await get(callback, clicked.cookie)).status).toBe(303);
    const reused = await get(callback, clicked.cookie);
    expect(reused.status).toBe(400);
    expect(textOf(reused.html)).toContain("This authorization can no longer be used");
    expect(textOf(reused.html)).toContain("eTelecom answered: code: is invalid, expired or already used");
    expect(reused.html).toContain('action="/zalo/connect"');
  });

  it("answers a callback without its oa_id or state with a 400 page, calling nobody", async () => {
    for (const query of ["code=abc&state=1", "code=abc&oa_id=1", "code=abc&oa_id=x&state=1"]) {
      const page = await get(`${stack.url["connect-shop"]}/zalo/callback?${query}`);
      expect(page.status).toBe(400);
      expect(textOf(page.html)).toContain("This link from Zalo is incomplete");
    }
  });

  it("ties the consent to the browser that clicked Connect with an HttpOnly, SameSite=Lax cookie of its state", async () => {
    const clicked = await submit(`${stack.url["cookie-shop"]}/zalo/connect`);
    const state = new URL(clicked.location as string).searchParams.get("state");
    expect(clicked.setCookies).toHaveLength(1);
    const [cookie, ...attributes] = (clicked.setCookies[0] as string).split(/;\s*/);
    expect(cookie).toBe(`zalo_consent_state=${state}`);
    expect(attributes).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/zalo/callback"]));
    // Good once, as the code is: the callback that used it forgets it.
    const callback = await get(await consent(clicked.location as string, { oa_id: "5772156649015328606" }), cookie);
    expect(callback.status).toBe(303);
    expect(callback.setCookies).toEqual([
      expect.stringMatching(/^zalo_consent_state=; Max-Age=0; Path=\/zalo\/callback/),
    ]);
  });

  it("refuses a callback this browser did not start with a 400 page, and connects nothing (RFC 6749 10.12)", async () => {
    const form = `${stack.url["bound-shop"]}/zalo/connect`;
    // An attacker gets a callback link for their own OA, and makes the shop owner's browser open it.
    const attacker = await submit(form);
    const forged = await consent(attacker.location as string, { oa_id: "1618033988749894848" });
    const owner = await submit(form);
    for (const cookie of ["", owner.cookie, "zalo_consent_state=1"]) {
      const page = await get(forged, cookie);
      expect(page.status).toBe(400);
      expect(textOf(page.html)).toContain("This link from Zalo was not opened in the browser that asked for it");
      expect(page.html).toContain('action="/zalo/connect"');
    }
    const zalo = createZaloCloudClient({ apiKey: "bound-shop", scope: "shop", baseUrl: stack.mock.url });
    expect((await zalo.listOA({})).accounts).toEqual([]);
    // ConnectOA was never called: the code is still unused, and works in the browser that asked for it.
    expect((await get(forged, attacker.cookie)).status).toBe(303);
  });

  it("lists every OA of a list longer than one page", async () => {
    const page = await get(stack.url["big-shop"]);
    const text = textOf(page.html);
    for (const oa of many) expect(text).toContain(`${oa.name} OA ID ${oa.oa_id}`);
    expect(text).toContain("25 OAs");
    expect(page.html.match(/class="badge off">Disconnected/g)).toHaveLength(5);
  });

  it("refuses a form posted from another site", async () => {
    const page = await submit(`${stack.url["connect-shop"]}/zalo/connect`, {}, "https://attacker.example");
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain("This form was sent from another site");
  });

  it("refuses a form too large to come from its pages with a 413 page", async () => {
    const page = await submit(`${stack.url["connect-shop"]}/oa/4321098765432109876/webhook`, {
      webhook_url: `https://shop.example.com/${"a".repeat(20_000)}`,
    });
    expect(page.status).toBe(413);
    expect(textOf(page.html)).toContain("The request could not be read");
  });

  it("answers a malformed multipart form with a 400 page, and logs no stack", async () => {
    const response = await fetch(`${stack.url["connect-shop"]}/oa/4321098765432109876/webhook`, {
      method: "POST",
      headers: { Origin: stack.url["connect-shop"], "Content-Type": "multipart/form-data; boundary=b0undary" },
      body: "--b0undary\r\nContent-Disposition: form-data; name=webhook_url\r\n\r\nhttps://shop.example.com/hook",
    });
    expect(response.status).toBe(400);
    expect(textOf(await response.text())).toContain("The request could not be read");
    expect(stack.logged.filter((line) => line.includes("/webhook"))).toEqual([]);
  });

  it("takes a form sent in chunks, without Content-Length, as curl -T or a proxy may send it", async () => {
    const url = `${stack.url["connect-shop"]}/zalo/connect`;
    const response = await fetch(url, {
      method: "POST",
      headers: { Origin: stack.url["connect-shop"], "Content-Type": "application/x-www-form-urlencoded" },
      body: new Blob(["a=1"]).stream(),
      duplex: "half",
      redirect: "manual",
    } as RequestInit);
    expect(response.status).toBe(302);
  });
});
