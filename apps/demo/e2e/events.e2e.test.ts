import { describe, expect, it } from "vitest";
import { useDemos } from "../test/use-demo.js";
import { type RecordedPage, requestsOutside, sendOrderConfirmation, useBrowser } from "./browser.js";

const browser = useBrowser({
  shownOrigins: () => ({ [stack.mock.url]: "http://127.0.0.1:4010", [stack.url.shop]: "http://127.0.0.1:3000" }),
});
const stack = useDemos({ shop: {} });
// The mock's follower of Hoa Mai Florist who wrote last, whose 48-hour window is open.
const FOLLOWER = "8110000000000000007";
const QUESTION = "Shop còn hoa hồng đỏ không ạ?";

/** Posts JSON to one of the mock's control endpoints, as the shop's key. */
async function toMock(path: string, body: unknown) {
  const response = await fetch(`${stack.mock.url}${path}`, {
    method: "POST",
    headers: { Authorization: "Bearer shop", "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

/** Only the demo and the mock, and nothing failed. */
function expectCleanRun({ log }: RecordedPage) {
  expect(log.failures).toEqual([]);
  expect(requestsOutside(log, stack.url.shop, stack.mock.url)).toEqual([]);
}

let oaPage: string;

describe("Zalo's events on the OA page, in Chromium", () => {
  it("shows a ZNS become seen, and a follower's text, as they arrive, without a reload", async () => {
    const owner = await browser.open();
    const { page, screenshot } = owner;
    await page.goto(stack.url.shop);
    await page.getByRole("button", { name: "Connect Zalo OA" }).click();
    await page.waitForURL((url) => url.pathname === "/v4/oa/permission");
    await page.getByLabel("Hoa Mai Florist").check();
    await page.getByRole("button", { name: "Allow" }).click();
    await page.getByRole("heading", { name: "Hoa Mai Florist", level: 1 }).waitFor();
    oaPage = page.url().split("?")[0] as string;

    const events = page.getByRole("region", { name: "Events" });
    await events.getByText(`${stack.url.shop}/zalo/webhook`).waitFor();
    await events.getByText("New events, and the ZNS messages' delivery, appear as they arrive.").waitFor();
    await events.getByRole("button", { name: "Receive events here" }).click();
    await page.getByText("Webhook saved.").waitFor();
    expect(await page.getByRole("textbox", { name: /forwards this OA's Zalo events/ }).inputValue()).toBe(
      `${stack.url.shop}/zalo/webhook`,
    );
    expect(await events.getByRole("button", { name: "Receive events here" }).count()).toBe(0);

    const sent = await sendOrderConfirmation(page);
    const delivery = sent.getByRole("cell").last();
    expect(await delivery.textContent()).not.toContain("seen");

    // From here on the page stays as loaded: a mark set on it now is gone if anything reloads it.
    await page.evaluate(() => Object.assign(window, { loadedOnce: true }));
    const reloaded = () => page.evaluate(() => !("loadedOnce" in window));

    // Half a minute later on the mock's clock, Zalo's receipts reach the demo, and the page's script shows them.
    await toMock("/__clock", { advance_ms: 30_000 });
    await delivery.getByText("seen", { exact: true }).waitFor();
    const rows = events.getByRole("row");
    await rows.filter({ hasText: "user_seen_message" }).waitFor();
    await rows.filter({ hasText: "user_received_message" }).waitFor();
    // Newest first: the header, then seen, then received.
    expect(await rows.nth(1).textContent()).toContain("user_seen_message");
    expect(await rows.nth(2).textContent()).toContain("84912345678");

    // A follower writes to the OA; the shop reads it on the page, then replies.
    await toMock("/__events", {
      oa_id: oaPage.split("/").at(-1),
      event_name: "user_send_text",
      user_id: FOLLOWER,
      message: { text: QUESTION },
    });
    const question = rows.filter({ hasText: QUESTION });
    await question.waitFor();
    expect(await question.textContent()).toContain(`user_send_text${FOLLOWER}`);
    expect(await reloaded()).toBe(false);
    await screenshot("demo-events", { between: [events, events] });

    const followers = page.getByRole("region", { name: "Followers" });
    await followers.getByRole("combobox", { name: "To" }).selectOption(FOLLOWER);
    await followers.getByRole("textbox", { name: "Text" }).fill("Dạ còn ạ, shop giao trong hôm nay.");
    await followers.getByRole("button", { name: "Send text" }).click();
    await page.getByText("Text sent to the follower.").waitFor();
    expectCleanRun(owner);
  });

  it("shows the same events after a reload with JavaScript off, and says a reload is needed", async () => {
    const owner = await browser.open({ javaScriptEnabled: false });
    const { page } = owner;
    await page.goto(oaPage);
    const events = page.getByRole("region", { name: "Events" });
    await events.getByRole("row").filter({ hasText: QUESTION }).waitFor();
    await events.getByRole("row").filter({ hasText: "user_seen_message" }).waitFor();
    await events.getByText("Reload the page to see new events").waitFor();
    const sent = page.getByRole("region", { name: "ZNS messages" }).getByRole("row", { name: /order-10293/ });
    expect(await sent.getByRole("cell").last().textContent()).toBe("seen");
    expectCleanRun(owner);
  });
});
