import { type RunningMock, startMock } from "@etelecom-zalo/mock";
import { findOperation, listOperations } from "@etelecom-zalo/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestsOutside, useBrowser } from "./browser.js";

const browser = useBrowser({ shownOrigins: () => ({ [server.url]: "http://127.0.0.1:4010" }) });
let server: RunningMock;
beforeAll(async () => {
  server = await startMock({ port: 0 });
});
afterAll(() => server?.close());

describe("the API reference at /__docs", () => {
  it("shows every operation of the spec, by summary and operationId, from the mock's own files only", async () => {
    const { page, log, screenshot } = await browser.open();
    await page.goto(`${server.url}/__docs`, { waitUntil: "networkidle" });
    // Scalar shows a tag's first operations and folds the rest behind "Show More": unfold every tag.
    for (const more of await page.getByRole("button", { name: /^Show More/i }).all()) await more.click();

    for (const { operationId, object } of listOperations()) {
      if (object.summary === undefined) throw new Error(`${operationId} has no summary to look for`);
      await page.getByRole("heading", { name: object.summary, exact: true }).first().waitFor();
      await page.getByText(operationId, { exact: true }).first().waitFor();
    }
    await screenshot("reference");

    expect(log.failures).toEqual([]);
    expect(requestsOutside(log, server.url)).toEqual([]);
    expect(log.requests).toContain(`${server.url}/openapi.json`);
  });

  it("sends “Test Request” to the mock itself, with a preset key, and gets a 200 on the first click", async () => {
    const { page, log, screenshot } = await browser.open();
    await page.goto(`${server.url}/__docs`, { waitUntil: "networkidle" });
    // AuthorizeOA's own button, found by its summary: the first on the page is whichever operation sorts first.
    const authorizeOA = findOperation("AuthorizeOA").object.summary as string;
    await page
      .locator("section", { has: page.getByRole("heading", { name: authorizeOA, exact: true }) })
      .getByRole("button", { name: /^Test Request/ })
      .first()
      .click();
    const [request] = await Promise.all([
      page.waitForRequest((sent) => sent.url().endsWith("/AuthorizeOA")),
      page.getByRole("button", { name: /^Send post request/ }).click(),
    ]);
    const response = await request.response();
    await screenshot("reference-test-request");

    expect(response?.status()).toBe(200);
    expect(log.failures).toEqual([]);
    expect(request.url()).toBe(`${server.url}/v1/shop.Zalo/AuthorizeOA`);
    expect(request.method()).toBe("POST");
    expect(request.headers().authorization).toBe("Bearer dev-key");
    expect(requestsOutside(log, server.url)).toEqual([]);
  });

  it("is found from the mock's landing page, which fits a phone's width", async () => {
    const phone = await browser.open({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await phone.page.goto(`${server.url}/`);
    await phone.page.getByRole("heading", { name: "eTelecom Zalo Cloud mock", level: 1 }).waitFor();
    const widths = await phone.page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
    await phone.screenshot("landing-phone", { fullPage: true });
    await phone.page.getByRole("link", { name: "/__docs" }).click();
    await phone.page.waitForURL(`${server.url}/__docs`);
    expect(phone.log.failures).toEqual([]);
    expect(requestsOutside(phone.log, server.url)).toEqual([]);
  });
});
