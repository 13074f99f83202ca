import { describe, expect, it } from "vitest";
import { showOrigins, useBrowser } from "./browser.js";

const browser = useBrowser();

describe("screenshots", () => {
  it("show the documented origins instead of the test's free ports, and give the page back as it was", async () => {
    const { page } = await browser.open({ javaScriptEnabled: false });
    await page.setContent(
      "<p>eTelecom at http://127.0.0.1:38637</p><p>back to http://127.0.0.1:41234/zalo/callback</p>",
    );
    const restore = await showOrigins(page, {
      "http://127.0.0.1:38637": "http://127.0.0.1:4010",
      "http://127.0.0.1:41234": "http://127.0.0.1:3000",
    });
    expect(await page.locator("body").textContent()).toBe(
      "eTelecom at http://127.0.0.1:4010back to http://127.0.0.1:3000/zalo/callback",
    );
    await restore();
    expect(await page.locator("body").textContent()).toBe(
      "eTelecom at http://127.0.0.1:38637back to http://127.0.0.1:41234/zalo/callback",
    );
  });
});
