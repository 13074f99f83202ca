import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, it } from "vitest";
import { exampleApp, startDemo } from "../../src/index.js";

it("stops paging eTelecom's OA list once the browser that asked for the list page goes away", async () => {
  // An eTelecom whose OA list never ends: empty pages, each with a new cursor. The third page is never answered.
  const pages: IncomingMessage[] = [];
  let third: (request: IncomingMessage) => void = () => {};
  const thirdAsked = new Promise<IncomingMessage>((resolve) => {
    third = resolve;
  });
  const etelecom = createServer((request, response) => {
    pages.push(request);
    if (pages.length === 3) return third(request);
    response
      .writeHead(200, { "Content-Type": "application/json" })
      .end(JSON.stringify({ accounts: [], paging: { limit: 100, next: `c${pages.length}` } }));
  });
  await new Promise<void>((resolve) => etelecom.listen(0, "127.0.0.1", resolve));
  const demo = await startDemo(
    {
      etelecom: {
        apiKey: "list-shop",
        scope: "shop",
        baseUrl: `http://127.0.0.1:${(etelecom.address() as AddressInfo).port}`,
      },
      zaloApp: exampleApp(),
      log: () => {},
    },
    { port: 0 },
  );
  try {
    const browser = new AbortController();
    const listPage = fetch(demo.url, { signal: browser.signal }).catch(() => "left");
    const request = await thirdAsked;
    const dropped = new Promise((resolve) => request.once("close", resolve));
    browser.abort();
    expect(await listPage).toBe("left");
    // The demo aborts the call in flight: eTelecom sees that request's connection close, and no fourth page asked.
    await dropped;
    expect(pages).toHaveLength(3);
  } finally {
    await demo.close();
    etelecom.closeAllConnections();
    await new Promise((resolve) => etelecom.close(resolve));
  }
});
