import { closedPort } from "@etelecom-zalo/test-support";
import { describe, expect, it } from "vitest";
import { exampleApp } from "../../src/index.js";
import { get, type Page, submit, textOf } from "../browse.js";
import { useDemos } from "../use-demo.js";

const KEY = "sk_live_demo_secret_key_0123456789";

/** A `fetch` standing in for eTelecom that answers every call with one response. */
const answering =
  (status: number, body: string, type = "application/json"): typeof fetch =>
  async () =>
    new Response(body, { status, headers: { "Content-Type": type } });

const stack = useDemos({
  down: { etelecom: { apiKey: KEY, fetch: answering(500, '{"code":"internal","msg":"database unavailable"}') } },
  unavailable: { etelecom: { apiKey: KEY, fetch: answering(503, '{"code":"unavailable","msg":"maintenance"}') } },
  limited: { etelecom: { apiKey: KEY, fetch: answering(429, '{"code":"resource_exhausted","msg":"slow down"}') } },
  refused: { etelecom: { apiKey: KEY, fetch: answering(401, '{"code":"unauthenticated","msg":"invalid key"}') } },
  proxy: { etelecom: { apiKey: KEY, fetch: answering(502, "<html><h1>502 Bad Gateway</h1></html>", "text/html") } },
  silent: { etelecom: { apiKey: KEY, timeout: 200, fetch: () => new Promise<Response>(() => {}) } },
  unreachable: { etelecom: { apiKey: KEY, baseUrl: `http://127.0.0.1:${await closedPort()}` } },
});

/** A page that tells what went wrong without leaking the key, the app secret or a stack trace. */
function expectHumanPage(page: Page, status: number, title: string) {
  expect(page.status).toBe(status);
  const text = textOf(page.html);
  expect(text).toContain(title);
  expect(page.html).not.toContain(KEY);
  expect(page.html).not.toContain(exampleApp().app_secret);
  expect(page.html).not.toMatch(/\bat .+:\d+:\d+/);
  return text;
}

describe("when eTelecom fails", () => {
  it.each([
    ["down", 502, "eTelecom is having trouble", "eTelecom answered 500 internal: database unavailable"],
    ["unavailable", 502, "eTelecom is having trouble", "eTelecom answered 503 unavailable: maintenance"],
    ["limited", 503, "eTelecom is busy", "eTelecom answered 429 resource_exhausted: slow down"],
    ["refused", 502, "eTelecom refused the shop's API key", "Check ETELECOM_API_KEY"],
    [
      "proxy",
      502,
      "eTelecom answered something unexpected",
      "eTelecom answered 502 with an error status without eTelecom's { code, msg } body",
    ],
    ["silent", 504, "eTelecom is too slow", "did not answer in time"],
    ["unreachable", 502, "eTelecom cannot be reached", "The connection failed: ECONNREFUSED"],
  ] as const)("%s: every page says so in words, with a %i", async (name, status, title, said) => {
    const base = stack.url[name];
    for (const page of [
      await get(base),
      await get(`${base}/oa/4321098765432109876`),
      await submit(`${base}/zalo/connect`),
      await submit(`${base}/oa/4321098765432109876/webhook`, { webhook_url: "https://shop.example.com/hook" }),
      await submit(`${base}/oa/4321098765432109876/reconnect`),
      await submit(`${base}/oa/4321098765432109876/text`, { user_id: "8110000000000000007", text: "Chào" }),
      await submit(`${base}/oa/4321098765432109876/templates`, { template_id: "230107" }),
      await submit(`${base}/oa/4321098765432109876/zns`, { template_id: "230101", phone: "84912345678" }),
      // In the browser that asked for the consent (no eTelecom here can make the link): its cookie holds the state.
      await get(`${base}/zalo/callback?code=c0de&oa_id=4321098765432109876&state=12`, "zalo_consent_state=12"),
    ]) {
      expect(expectHumanPage(page, status, title)).toContain(said);
      expect(page.html).toContain('href="/"');
    }
  });

  it("logs one line per failed request, with what eTelecom said and never the key", () => {
    const lines = stack.logged.filter((line) => line.startsWith("GET / "));
    expect(lines).toContain("GET / -> 502: EtelecomApiError: eTelecom answered 500 internal: database unavailable");
    expect(lines).toContain("GET / -> 504: EtelecomTimeoutError: eTelecom did not answer within 200 ms");
    expect(stack.logged.join("\n")).not.toContain(KEY);
  });
});
