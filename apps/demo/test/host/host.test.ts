import { createZaloCloudClient } from "@etelecom-zalo/client";
import { beforeAll, describe, expect, it } from "vitest";
import { sendRaw, textOf, throughConsent } from "../browse.js";
import { useDemos } from "../use-demo.js";

const OA = "4321098765432109876";
const PUBLIC = "https://shop.example.com";
const stack = useDemos({ "host-shop": {}, "proxied-shop": { publicUrl: PUBLIC } });
const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

/** The port a demo listens on. */
const portOf = (name: keyof typeof stack.url) => new URL(stack.listening[name]).port;

/** Sends a request to a demo, naming `host` in its `Host` header. */
const asHost = (name: keyof typeof stack.url, host: string, path = "/", form?: { origin: string; body: string }) =>
  sendRaw(`${stack.listening[name]}${path}`, {
    ...(form && { method: "POST", body: form.body }),
    headers: { Host: host, ...(form && { ...FORM, Origin: form.origin }) },
  });

beforeAll(async () => {
  expect((await throughConsent(`${stack.url["host-shop"]}/zalo/connect`, { oa_id: OA })).status).toBe(303);
});

describe("the hosts the demo answers", () => {
  it("refuses a Host not its own with a 421 page, so a DNS-rebinding page can neither read nor post", async () => {
    const evil = `evil.example:${portOf("host-shop")}`;
    const body = new URLSearchParams({ webhook_url: "https://evil.example/steal" }).toString();
    const posted = await asHost("host-shop", evil, `/oa/${OA}/webhook`, { origin: `http://${evil}`, body });
    const read = await asHost("host-shop", evil);
    for (const page of [posted, read]) {
      expect(page.status).toBe(421);
      const text = textOf(page.html);
      expect(text).toContain("This is not the demo's address");
      expect(text).toContain(`"${evil}"`);
      expect(text).toContain(`Open ${stack.url["host-shop"]}`);
    }
    const zalo = createZaloCloudClient({ apiKey: "host-shop", scope: "shop", baseUrl: stack.mock.url });
    expect((await zalo.getShopOA({ oa_id: OA })).webhook_url ?? "").toBe("");
  });

  it("answers at its loopback address by any of its names, on its port only", async () => {
    const port = portOf("host-shop");
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
      expect((await asHost("host-shop", host)).status).toBe(200);
    }
    for (const host of ["127.0.0.1", `127.0.0.1:${Number(port) + 1}`, `localhost.evil.example:${port}`]) {
      expect([host, (await asHost("host-shop", host)).status]).toEqual([host, 421]);
    }
  });

  it("answers at its public origin too, as a proxy may forward it", async () => {
    expect((await asHost("proxied-shop", "shop.example.com")).status).toBe(200);
    expect((await asHost("proxied-shop", `localhost:${portOf("proxied-shop")}`)).status).toBe(200);
    expect((await asHost("proxied-shop", "shop.example.com.evil.example")).status).toBe(421);
  });

  it("takes forms from its own origins only, whatever the Host says", async () => {
    const listening = stack.listening["proxied-shop"];
    const loopback = `localhost:${portOf("proxied-shop")}`;
    for (const [host, origin, status] of [
      ["shop.example.com", PUBLIC, 302],
      [new URL(listening).host, PUBLIC, 302],
      [new URL(listening).host, listening, 302],
      [loopback, `http://${loopback}`, 302],
      ["shop.example.com", "http://shop.example.com", 403],
      ["shop.example.com", "https://evil.example", 403],
    ] as const) {
      const page = await asHost("proxied-shop", host, "/zalo/connect", { origin, body: "" });
      expect([host, origin, page.status]).toEqual([host, origin, status]);
    }
  });
});
