import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { createZaloCloudClient, EtelecomError } from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";
import { closedPortUrl, startServer } from "../http-server.js";

const apiKey = "sk_live_KEY0123456789abcdef";
const appSecret = "zalo-app-secret-98765";
const body = { app_id: "1234567890123456789", app_secret: appSecret, redirect_uri: "https://example.com/cb" };
const echo = `Bearer ${apiKey} / ${appSecret}`;

/** Every way an error is commonly turned into text: by hand, by a logger, by JSON, by Node's inspector. */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [
    String(e),
    e.message,
    e.stack ?? "",
    JSON.stringify(e),
    inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect(e.cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ];
}

function clientWith(fetch: typeof globalThis.fetch) {
  return createZaloCloudClient({ apiKey, scope: "shop", fetch });
}

const scenarios: [string, () => Promise<unknown>][] = [
  [
    "an API error whose msg and body echo both",
    () => clientWith(fakeFetch(() => json(400, { code: "invalid_argument", msg: echo, echo })).fetch).authorizeOA(body),
  ],
  [
    "an API error whose code echoes the key",
    () => clientWith(fakeFetch(() => json(401, { code: apiKey, msg: "" })).fetch).authorizeOA(body),
  ],
  [
    "an invalid 200 that echoes the request",
    () =>
      clientWith(
        fakeFetch(async (r) => json(200, { request: await r.text(), auth: r.headers.get("authorization") })).fetch,
      ).authorizeOA(body),
  ],
  [
    "an HTML page that echoes both",
    () => clientWith(fakeFetch(() => new Response(`<pre>${echo}</pre>`, { status: 502 })).fetch).authorizeOA(body),
  ],
  [
    "a fetch that throws with the request and its headers in the error and its cause",
    () =>
      clientWith(async (input, init) => {
        const request = new Request(input, init);
        const inner = Object.assign(new Error(`connect failed for ${request.headers.get("authorization")}`), {
          request,
          code: "ECONNRESET",
        });
        throw Object.assign(new TypeError(`fetch failed: ${await request.text()}`, { cause: inner }), { request });
      }).authorizeOA(body),
  ],
  [
    "a middleware that throws with the request",
    () =>
      createZaloCloudClient({
        apiKey,
        scope: "shop",
        fetch: fakeFetch(() => json(200, { url: "https://x" })).fetch,
        middleware: [
          {
            onRequest: ({ request }) => {
              throw Object.assign(new Error(`refused ${request.headers.get("authorization")}`), { request });
            },
          },
        ],
      }).authorizeOA(body),
  ],
  [
    "a timeout",
    async () => {
      const server = await startServer(() => {});
      try {
        return await createZaloCloudClient({ apiKey, scope: "shop", baseUrl: server.url, timeout: 20 }).authorizeOA(
          body,
        );
      } finally {
        await server.close();
      }
    },
  ],
  [
    "a refused connection",
    async () => createZaloCloudClient({ apiKey, scope: "shop", baseUrl: await closedPortUrl() }).authorizeOA(body),
  ],
  [
    "an input error",
    () => clientWith(fakeFetch(() => json(200, {})).fetch).authorizeOA({ ...body, app_id: 12 as never }),
  ],
];

describe("secrets", () => {
  let consoleSpies: MockInstance[];
  beforeEach(() => {
    consoleSpies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((level) =>
      vi.spyOn(console, level),
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each(scenarios)("never appear in %s, rendered any way, and nothing is logged", async (_, run) => {
    const error = await run().then(
      () => expect.fail("the call should have failed"),
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(EtelecomError);
    for (const text of renderings(error)) {
      expect(text).not.toContain(apiKey);
      expect(text).not.toContain(appSecret);
    }
    for (const spy of consoleSpies) expect(spy).not.toHaveBeenCalled();
  });

  it("are replaced by [redacted] where eTelecom's answer quoted them, keeping the rest readable", async () => {
    const error = await clientWith(fakeFetch(() => json(400, { code: "invalid_argument", msg: echo })).fetch)
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      msg: "Bearer [redacted] / [redacted]",
      body: { msg: "Bearer [redacted] / [redacted]" },
    });
  });

  it("do not appear when the key is malformed, though Headers would quote it", () => {
    const badKey = "sk_live_with\nnewline_123";
    const error = (() => {
      try {
        createZaloCloudClient({ apiKey: badKey, scope: "shop" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error?.message).toMatch(/apiKey/);
    expect(inspect(error)).not.toContain("sk_live_with");
  });

  it("shorter than 4 characters are left alone, so they cannot garble eTelecom's message", async () => {
    const client = createZaloCloudClient({
      apiKey: "k",
      scope: "shop",
      fetch: fakeFetch(() => json(400, { code: "invalid_argument", msg: "app_secret: is required" })).fetch,
    });
    const error = await client.authorizeOA({ ...body, app_secret: "s" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ msg: "app_secret: is required" });
  });
});
