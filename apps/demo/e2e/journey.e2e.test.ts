import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useDemos } from "../test/use-demo.js";
import { type RecordedPage, requestsOutside, sendOrderConfirmation, useBrowser } from "./browser.js";

const DAY = 86_400_000;
// The mock's clock, moved forward to show that Reconnect renews the refresh token's expiry.
let clockOffset = 0;

// The screenshots, which the README copies, show the ports `pnpm start` uses, not this run's free ones.
const browser = useBrowser({
  shownOrigins: () => ({
    [stack.mock.url]: "http://127.0.0.1:4010",
    [stack.url["shop-a"]]: "http://127.0.0.1:3000",
    [stack.url["shop-b"]]: "http://127.0.0.1:3001",
  }),
});
const stack = useDemos({ "shop-a": {}, "shop-b": {} }, { now: () => Date.now() + clockOffset });

/** The OA owner's side: picks an OA on the mock's consent page and clicks Allow or Deny. */
async function decideOnZalo(page: Page, decision: "Allow" | "Deny", oaName?: string) {
  await page.waitForURL((url) => url.pathname === "/v4/oa/permission");
  if (oaName !== undefined) await page.getByLabel(oaName).check();
  await page.getByRole("button", { name: decision }).click();
}

/** The refresh token's expiry the OA page shows, as its `<time datetime>`. */
const shownExpiry = (page: Page) =>
  page
    .getByRole("definition")
    .filter({ has: page.locator("time") })
    .first()
    .locator("time")
    .getAttribute("datetime");

/** The text of each cell of a table's row. */
const cells = (row: Locator) => row.getByRole("cell").allTextContents();

/** Only the demo and the mock, both on 127.0.0.1, and nothing failed. */
function expectCleanRun({ log }: RecordedPage) {
  expect(log.failures).toEqual([]);
  expect(requestsOutside(log, stack.url["shop-a"], stack.url["shop-b"], stack.mock.url)).toEqual([]);
  expect(log.requests.every((url) => new URL(url).hostname === "127.0.0.1")).toBe(true);
}

// One shop owner's session, JavaScript off: every step is a link or a form.
let owner: RecordedPage;
const connected: string[] = [];

describe("the demo shop, in Chromium with JavaScript off", () => {
  it("connects two OAs with Allow on Zalo's consent page and lists them", async () => {
    // A laptop's width, and a short viewport so that full-page screenshots end where the page does.
    owner = await browser.open({ javaScriptEnabled: false, viewport: { width: 1024, height: 600 } });
    const { page, screenshot } = owner;
    await page.goto(stack.url["shop-a"]);
    await page.getByRole("heading", { name: "No Zalo OA is connected yet" }).waitFor();
    await screenshot("demo-empty", { fullPage: true });

    for (const name of ["Hoa Mai Florist", "Cà Phê Gió Chiều"]) {
      await page.goto(stack.url["shop-a"]);
      await page.getByRole("button", { name: "Connect Zalo OA" }).click();
      await page.waitForURL((url) => url.pathname === "/v4/oa/permission");
      await page.getByLabel(name).check();
      if (connected.length === 0) await screenshot("demo-consent", { fullPage: true });
      await page.getByRole("button", { name: "Allow" }).click();
      await page.getByRole("status").getByText("Zalo OA connected.").waitFor();
      await page.getByRole("heading", { name, level: 1 }).waitFor();
      connected.push(new URL(page.url()).pathname.split("/")[2] as string);
    }

    await page.getByRole("link", { name: "All Zalo OAs" }).click();
    const rows = page.getByRole("listitem");
    expect(await rows.count()).toBe(2);
    for (const [index, name] of ["Hoa Mai Florist", "Cà Phê Gió Chiều"].entries()) {
      const row = rows.filter({ hasText: name });
      expect(await row.textContent()).toContain(`OA ID ${connected[index]}`);
      expect(await row.textContent()).toContain("Connected");
      expect(await row.locator("time").getAttribute("datetime")).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    await screenshot("demo-oa-list", { fullPage: true });
    expectCleanRun(owner);
  });

  it("says so when the owner clicks Deny, and connects nothing", async () => {
    const { page, screenshot } = owner;
    await page.getByRole("button", { name: "Connect Zalo OA" }).click();
    await decideOnZalo(page, "Deny");
    await page.getByText("No OA was connected: the OA owner did not allow the app on Zalo.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/");
    expect(await page.getByRole("listitem").count()).toBe(2);
    await screenshot("demo-refused", { fullPage: true });
    expectCleanRun(owner);
  });

  it("sets an OA's webhook and shows it", async () => {
    const { page, screenshot } = owner;
    await page.getByRole("link", { name: /Hoa Mai Florist/ }).click();
    const webhook = page.getByRole("textbox", { name: /forwards this OA's Zalo events/ });
    expect(await webhook.inputValue()).toBe("");
    await webhook.fill("https://shop.example.com/zalo/webhook?shop=42");
    await page.getByRole("button", { name: "Save webhook" }).click();
    await page.getByText("Webhook saved.").waitFor();
    expect(await webhook.inputValue()).toBe("https://shop.example.com/zalo/webhook?shop=42");
    await page.reload();
    expect(await webhook.inputValue()).toBe("https://shop.example.com/zalo/webhook?shop=42");
    // GetShopOA's figures for the mock's Hoa Mai Florist, card by card.
    for (const [card, shown] of [
      ["Quality", "Now High Last week Medium"],
      ["Messages today", "480 left of 500"],
      ["Promotion messages", "Per day 1 Left this month 28 of 30 Next month 30 (estimate)"],
    ] as const) {
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text keeps a break between a label and its value, which textContent runs together.
      const text = await page.getByRole("region", { name: card }).innerText();
      expect(text.replace(/\s+/g, " ")).toContain(shown);
    }
    await page.getByText("Verified", { exact: true }).waitFor();
    // The OA itself, down to its webhook: the back office below has its own picture.
    await screenshot("demo-oa-page", {
      between: [page.locator("header"), page.getByRole("region", { name: "Webhook" })],
    });
    expectCleanRun(owner);
  });

  it("texts a follower, registers a template, sends a ZNS and follows its delivery, and explains a refused one", async () => {
    const { page, log, screenshot } = owner;
    const oaPage = page.url().split("?")[0] as string;
    // A text to the follower the form offers first: the one who wrote last, whose 48-hour window is open.
    const followers = page.getByRole("region", { name: "Followers" });
    expect(await followers.getByRole("combobox", { name: "To" }).inputValue()).toBe("8110000000000000007");
    await followers.getByRole("textbox", { name: "Text" }).fill("Dạ, shop còn hoa hồng đỏ ạ.");
    await followers.getByRole("button", { name: "Send text" }).click();
    await page.getByText("Text sent to the follower. 7 replies are left in their 48-hour window.").waitFor();

    const templates = page.getByRole("region", { name: "Templates" });
    await templates.getByRole("textbox", { name: /Register a template/ }).fill("230107");
    await templates.getByRole("button", { name: "Register template" }).click();
    await page.getByText("Template registered.").waitFor();
    await templates
      .getByRole("row", { name: /230107 Cập nhật giao hàng/ })
      .getByText("ENABLE")
      .waitFor();

    // The order confirmation, the first ENABLE template: a field for each of its parameters.
    const sent = await sendOrderConfirmation(page);
    const zns = page.getByRole("region", { name: "Send ZNS" });
    expect(await cells(sent)).toEqual([
      expect.stringMatching(/ UTC$/),
      "84912345678",
      "230101",
      "order-10293",
      "P",
      "unknown",
    ]);
    expectCleanRun(owner);

    // A template still under review on Zalo: chosen in the form, sent, and refused with the rule in words.
    await zns.getByRole("combobox", { name: "Template" }).selectOption("230103");
    await zns.getByRole("button", { name: "Choose" }).click();
    await zns.getByText("Template 230103 is PENDING_REVIEW").waitFor();
    await zns.getByRole("textbox", { name: /Phone/ }).fill("84912345678");
    await zns.getByRole("textbox", { name: /customer_name/ }).fill("Nguyễn Văn An");
    await zns.getByRole("textbox", { name: /discount/ }).fill("10%");
    await zns.getByRole("button", { name: "Send ZNS" }).click();
    await zns
      .getByRole("alert")
      .getByText("Zalo sends a ZNS only with a template it has approved (status ENABLE).")
      .waitFor();
    expect(await zns.getByRole("textbox", { name: /discount/ }).inputValue()).toBe("10%");
    await screenshot("demo-zns-refused", { between: [zns, zns] });
    // The refusal is the page's status, as a browser shows it: then the run is clean again.
    expect(log.failures.splice(0)).toEqual([
      `412 from ${oaPage}/zns`,
      "console error: Failed to load resource: the server responded with a status of 412 (Precondition Failed)",
    ]);

    // Half a minute later on the mock's clock, the ZNS has been received and seen.
    const moved = await fetch(`${stack.mock.url}/__clock`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ advance_ms: 30_000 }),
    });
    expect(moved.status).toBe(200);
    await page.goto(oaPage);
    expect((await cells(sent)).slice(3)).toEqual(["order-10293", "P", "seen"]);
    await screenshot("demo-back-office", {
      between: [page.getByRole("region", { name: "Send ZNS" }), page.getByRole("region", { name: "ZNS messages" })],
    });
    await screenshot("demo-followers", { between: [followers, followers] });
    expectCleanRun(owner);
  });

  it("reconnects the OA through Zalo's consent again and shows the renewed expiry", async () => {
    const { page } = owner;
    const before = await shownExpiry(page);
    const shownBefore = await page.locator("dd time").first().textContent();
    clockOffset += 30 * DAY;
    await page.getByRole("button", { name: "Reconnect" }).click();
    await page.waitForURL((url) => url.pathname === "/v4/oa/permission");
    // RefreshToken's link offers only the OA it renews.
    expect(await page.getByRole("radio").count()).toBe(1);
    await decideOnZalo(page, "Allow");
    await page.getByRole("status").getByText("Zalo OA connected.").waitFor();
    const after = await shownExpiry(page);
    // Three calendar months from 30 days later: at least 27 days later, whatever the months' lengths.
    expect(Date.parse(after as string) - Date.parse(before as string)).toBeGreaterThan(27 * DAY);
    expect(await page.locator("dd time").first().textContent()).not.toBe(shownBefore);
    expect(new URL(page.url()).pathname).toBe(`/oa/${connected[0]}`);
    expectCleanRun(owner);
  });

  it("shows another shop, with another key, none of these OAs", async () => {
    const other = await browser.open();
    await other.page.goto(stack.url["shop-b"]);
    await other.page.getByRole("heading", { name: "No Zalo OA is connected yet" }).waitFor();
    expectCleanRun(other);

    await other.page.goto(`${stack.url["shop-b"]}/oa/${connected[0]}`);
    await other.page.getByRole("heading", { name: "This Zalo OA is not connected to the shop" }).waitFor();
    expect(other.log.failures).toEqual([
      `404 from ${stack.url["shop-b"]}/oa/${connected[0]}`,
      "console error: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]);
  });

  it("fits a phone's width, with nothing to scroll sideways", async () => {
    const phone = await browser.open({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    for (const [path, name] of [
      ["/", "demo-oa-list-phone"],
      [`/oa/${connected[0]}`, "demo-oa-page-phone"],
    ] as const) {
      await phone.page.goto(`${stack.url["shop-a"]}${path}`);
      const widths = await phone.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
      await phone.screenshot(name, { fullPage: true });
    }
    expectCleanRun(phone);
  });

  it.each([390, 414])("keeps every 19-digit ID on one line at %i px wide", async (width) => {
    const phone = await browser.open({ viewport: { width, height: 844 }, isMobile: true, hasTouch: true });
    for (const path of ["/", `/oa/${connected[0]}`]) {
      await phone.page.goto(`${stack.url["shop-a"]}${path}`);
      // Each run of digits as the page lays it out: the number of lines it spans.
      const ids = await phone.page.evaluate(() => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const found: { id: string; lines: number }[] = [];
        for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
          for (const match of (node.textContent ?? "").matchAll(/\d{19}/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
            found.push({ id: match[0], lines: tops.size });
          }
        }
        return found;
      });
      expect(ids.map(({ id }) => id)).toContain(connected[0]);
      expect(ids.filter(({ lines }) => lines !== 1)).toEqual([]);
      const widths = await phone.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
    }
    expectCleanRun(phone);
  });
});
