import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContextOptions, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** The Chromium the tests drive: Debian's, or the one `CHROMIUM_PATH` names (no browser is ever downloaded). */
export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Where every run saves its screenshots (gitignored). */
export const screenshotsDir = fileURLToPath(new URL("./screenshots/", import.meta.url));

/** No GPU, no QUIC, and none of Chromium's own traffic (updates, sync, field trials): only what the page asks for. */
const FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Launches headless Chromium. Playwright gives each launch a fresh temporary `--user-data-dir` and deletes it on
 * close, so no state leaks between runs; a missing binary is one line that says how to install it.
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `no Chromium at ${chromiumPath}: install it with apt-get install -y chromium (or set CHROMIUM_PATH to one)`,
    );
  }
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: FLAGS });
}

/** What a page did since it was opened. */
export interface PageLog {
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Every failed request, 4xx/5xx answer, console error and uncaught exception, one line each. */
  failures: string[];
}

/** A page in its own browser context (own cookies and storage), recording what it does. */
export interface RecordedPage {
  page: Page;
  log: PageLog;
  /**
   * Saves what the page shows now (`fullPage`: all of it; `between`: the page's full width from the top of one
   * element to the bottom of another) as `<screenshotsDir>/<name>.png`; resolves to that path.
   */
  screenshot(name: string, options?: { fullPage?: boolean; between?: [Locator, Locator] }): Promise<string>;
}

/**
 * Rewrites every origin of `origins` (`{ "http://127.0.0.1:38637": "http://127.0.0.1:4010" }`) in the page's text,
 * and resolves to what puts the text back. The tests listen on free ports, and the README's pictures, copied from
 * these screenshots, must show the documented ones rather than a new random port each run.
 */
export async function showOrigins(page: Page, origins: Record<string, string>): Promise<() => Promise<void>> {
  const restore = await page.evaluateHandle((pairs) => {
    const changed: [Text, string][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
      const text = pairs.reduce((shown, [from, to]) => shown.replaceAll(from, to), node.data);
      if (text !== node.data) {
        changed.push([node, node.data]);
        node.data = text;
      }
    }
    return () => {
      for (const [node, text] of changed) node.data = text;
    };
  }, Object.entries(origins));
  return async () => {
    await restore.evaluate((put) => put());
    await restore.dispose();
  };
}

/** The page's full width from the top of `from` to the bottom of `to`, in the document's coordinates, with a margin. */
async function clipBetween(page: Page, from: Locator, to: Locator) {
  const [top, bottom, scrollY, width] = await Promise.all([
    from.boundingBox(),
    to.boundingBox(),
    page.evaluate(() => window.scrollY),
    page.evaluate(() => document.documentElement.clientWidth),
  ]);
  if (top === null || bottom === null) throw new Error("a screenshot's bounds are not on the page");
  const margin = 16;
  const y = Math.max(0, top.y + scrollY - margin);
  return { x: 0, y, width, height: bottom.y + scrollY + bottom.height + margin - y };
}

/** Records every request of a page and everything that went wrong on it. */
function record(page: Page): PageLog {
  const log: PageLog = { requests: [], failures: [] };
  page.on("request", (request) => log.requests.push(request.url()));
  page.on("requestfailed", (request) =>
    log.failures.push(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`),
  );
  page.on("response", (response) => {
    if (response.status() >= 400) log.failures.push(`${response.status()} from ${response.url()}`);
  });
  page.on("console", (message) => {
    if (message.type() === "error") log.failures.push(`console error: ${message.text()}`);
  });
  page.on("pageerror", (error) => log.failures.push(`uncaught: ${error.message}`));
  return log;
}

/**
 * Starts one Chromium before the file's tests and closes it, with every context and page, after them. Each `open()`
 * is a new browser context: two calls are two users who share nothing. Screenshots show each of `shownOrigins()`
 * (read when one is taken, once the servers listen) as the origin it maps to.
 */
export function useBrowser({ shownOrigins = () => ({}) }: { shownOrigins?: () => Record<string, string> } = {}): {
  open(options?: BrowserContextOptions): Promise<RecordedPage>;
} {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    await mkdir(screenshotsDir, { recursive: true });
  });
  afterAll(() => browser?.close());
  return {
    async open(options = {}) {
      if (browser === undefined) throw new Error("open() runs inside a test, after useBrowser()'s beforeAll");
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
      const page = await context.newPage();
      // Under the test's own timeout, so that a missing element fails with Playwright's message, not vitest's.
      page.setDefaultTimeout(15_000);
      return {
        page,
        log: record(page),
        async screenshot(name, { fullPage = false, between } = {}) {
          const path = join(screenshotsDir, `${name}.png`);
          const restore = await showOrigins(page, shownOrigins());
          try {
            // A clip is read from the whole page, wherever the page is scrolled to.
            const clip = between && (await clipBetween(page, ...between));
            await page.screenshot({ path, fullPage: fullPage || clip !== undefined, ...(clip && { clip }) });
          } finally {
            await restore();
          }
          return path;
        },
      };
    },
  };
}

/** The requests of a log that went anywhere but the `origins` (inline `data:` URLs never leave the page). */
export function requestsOutside(log: PageLog, ...origins: string[]): string[] {
  return log.requests.filter((url) => !url.startsWith("data:") && !origins.includes(new URL(url).origin));
}

/**
 * Sends the order confirmation (template 230101, the first ENABLE one) through the OA page's Send ZNS form, its
 * fields built from the template's parameters, and resolves to its row in ZNS messages once the demo accepted it.
 */
export async function sendOrderConfirmation(page: Page) {
  const zns = page.getByRole("region", { name: "Send ZNS" });
  await zns.getByRole("textbox", { name: /Phone/ }).fill("84912345678");
  await zns.getByRole("textbox", { name: /customer_name/ }).fill("Nguyễn Văn An");
  await zns.getByRole("textbox", { name: /order_code/ }).fill("DH10293");
  await zns.getByRole("textbox", { name: /total/ }).fill("450.000đ");
  await zns.getByRole("textbox", { name: /Tracking ID/ }).fill("order-10293");
  await zns.getByRole("button", { name: "Send ZNS" }).click();
  await page.getByText("ZNS accepted.").waitFor();
  return page.getByRole("region", { name: "ZNS messages" }).getByRole("row", { name: /order-10293/ });
}
