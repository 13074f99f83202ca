import { beforeAll, describe, expect, it } from "vitest";
import { follow, get, type Page, submit, textOf, throughConsent } from "../browse.js";
import { useDemos } from "../use-demo.js";

const DAY = 86_400_000;
// The mock's clock, moved forward to show that Reconnect renews the refresh token's expiry.
let clockOffset = 0;
const stack = useDemos({ "oa-shop": {}, "other-shop": {} }, { now: () => Date.now() + clockOffset });
const OA = "4321098765432109876";
let oaUrl: string;

/** The `<time datetime>` of the refresh token's expiry on an OA page. */
const expiryOf = (page: Page) =>
  /Refresh token expires<\/dt><dd><time datetime="([^"]+)"/.exec(page.html)?.[1] ?? "no expiry shown";

beforeAll(async () => {
  oaUrl = `${stack.url["oa-shop"]}/oa/${OA}`;
  expect((await throughConsent(`${stack.url["oa-shop"]}/zalo/connect`, { oa_id: OA })).status).toBe(303);
});

describe("an OA's page", () => {
  it("shows GetShopOA's quality, quotas, expiry and an empty webhook form", async () => {
    const page = await get(oaUrl);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    for (const shown of [
      `Hoa Mai Florist OA ID ${OA} Connected Verified`,
      "Refresh token expires",
      "Method direct Zalo app 1234567890123456789",
      "Quality Now High Last week Medium",
      "Messages today 480 left of 500",
      "Promotion messages Per day 1 Left this month 28 of 30 Next month 30 (estimate)",
    ]) {
      expect(text).toContain(shown);
    }
    expect(expiryOf(page)).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(page.html).toContain('name="webhook_url" value=""');
  });

  it("saves a webhook, says so, and shows it in the form", async () => {
    const url = "https://shop.example.com/zalo/webhook?shop=42&lang=vi";
    const saved = await submit(`${oaUrl}/webhook`, { webhook_url: ` ${url} ` });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${oaUrl}?notice=webhook-saved`);
    const page = await follow(saved);
    expect(textOf(page.html)).toContain("Webhook saved.");
    expect(page.html).toContain(`name="webhook_url" value="${url.replace("&", "&amp;")}"`);
  });

  it("keeps a webhook eTelecom refuses in the form, with its reason and a 400", async () => {
    const page = await submit(`${oaUrl}/webhook`, { webhook_url: "not a url" });
    expect(page.status).toBe(400);
    expect(page.html).toContain('value="not a url" required');
    expect(page.html).toContain('aria-invalid="true"');
    expect(textOf(page.html)).toContain("eTelecom refused it: webhook_url: must be a URI");
    expect((await get(oaUrl)).html).toContain('value="https://shop.example.com/zalo/webhook?shop=42&amp;lang=vi"');
  });

  it("reconnects through Zalo's consent for this OA only, and renews the expiry", async () => {
    const before = expiryOf(await get(oaUrl));
    clockOffset += 30 * DAY;
    const clicked = await submit(`${oaUrl}/reconnect`);
    expect(clicked.status).toBe(302);
    const consentPage = await get(clicked.location as string);
    expect(consentPage.html.match(/type="radio"/g)).toHaveLength(1);
    const callback = await throughConsent(`${oaUrl}/reconnect`);
    expect(callback.location).toBe(`${oaUrl}?notice=connected`);
    const after = expiryOf(await follow(callback));
    // Three calendar months from 30 days later: at least 27 days later, whatever the months' lengths.
    expect(Date.parse(after) - Date.parse(before)).toBeGreaterThan(27 * DAY);
  });

  it("is a 404 page for an OA of another shop, and for an ID that is no OA's", async () => {
    const other = await get(`${stack.url["other-shop"]}/oa/${OA}`);
    expect(other.status).toBe(404);
    expect(textOf(other.html)).toContain("This Zalo OA is not connected to the shop");
    const malformed = await get(`${stack.url["oa-shop"]}/oa/not-an-id`);
    expect(malformed.status).toBe(404);
    expect(textOf(malformed.html)).toContain("No such Zalo OA");
  });

  it("is a 404 page for an address the demo does not have", async () => {
    for (const path of ["/nothing-here", "/oa", "/oa/1/2/3"]) {
      const page = await get(`${stack.url["oa-shop"]}${path}`);
      expect(page.status).toBe(404);
      expect(textOf(page.html)).toContain("Page not found");
    }
  });
});
