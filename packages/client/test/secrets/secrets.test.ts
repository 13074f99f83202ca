import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from "vitest";
import { createZaloCloudClient, EtelecomError } from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";
import { closedPortUrl, startServer } from "../http-server.js";
import { fieldsOf, methodOf, rejection, requestExample, withValue } from "../spec-examples.js";

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
    "a fetch whose error has the key in its code",
    () =>
      clientWith(async (input, init) => {
        const authorization = new Request(input, init).headers.get("authorization") ?? "";
        throw Object.assign(new Error("custom transport failed"), { code: authorization.slice("Bearer ".length) });
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

  it("shorter than 4 characters are left alone inside words, so they cannot garble eTelecom's message", async () => {
    const client = createZaloCloudClient({
      apiKey: "k",
      scope: "shop",
      fetch: fakeFetch(() => json(400, { code: "invalid_argument", msg: "app_secret: is required" })).fetch,
    });
    const error = await client.authorizeOA({ ...body, app_secret: "s" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ msg: "app_secret: is required" });
  });
});

/** The rejection of a call whose every answer is `response(request text)`, with this key and app secret. */
async function echoed(key: string, secret: string, response: (request: string) => Response) {
  const fetch = fakeFetch(async (request) => response(await request.text())).fetch;
  return rejection(
    createZaloCloudClient({ apiKey: key, scope: "shop", fetch }).authorizeOA({ ...body, app_secret: secret }),
  );
}

/** Checks that no rendering of `error`, nor its body as kept, holds `secret`, as it is or as JSON writes it. */
function expectNowhere(error: unknown, secret: string) {
  const { body } = error as { body?: unknown };
  for (const text of [...renderings(error), typeof body === "string" ? body : (JSON.stringify(body) ?? "")]) {
    expect(text).not.toContain(secret);
    expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
  }
}

describe("secrets that are easy to miss", () => {
  const quoted = 'zalo"app\\secret\\"98';

  it.each([
    [
      "an HTML page around the JSON request",
      (request: string) => new Response(`<pre>${request}</pre>`, { status: 502 }),
    ],
    ["a truncated JSON echo", (request: string) => new Response(`{"echo":${request.slice(0, -3)}`, { status: 500 })],
    ["a 200 that is not JSON", (request: string) => new Response(`echo: ${request}`, { status: 200 })],
  ])("with quotes and backslashes are redacted JSON-escaped, in %s", async (_, response) => {
    const error = await echoed(apiKey, quoted, response);
    expect(error).toBeInstanceOf(EtelecomError);
    expectNowhere(error, quoted);
    expect(String((error as { body: unknown }).body)).toContain('"app_secret":"[redacted]"');
  });

  it("are redacted as Go's encoding/json escapes them, with <, > and & as \\u escapes", async () => {
    const secret = "a<b>c&d-2028";
    const goEscaped = "a\\u003cb\\u003ec\\u0026d-2028";
    const page = `<pre>{"app_secret":"${goEscaped}"}</pre>`;
    const error = await echoed(apiKey, secret, () => new Response(page, { status: 502 }));
    expect(error).toMatchObject({ body: '<pre>{"app_secret":"[redacted]"}</pre>' });
  });

  it.each([
    ["a 1-character", "q"],
    ["a 2-character", "q7"],
    ["a 3-character", "q-7"],
  ])("of %s app secret are redacted where they stand alone, and words keep their letters", async (_, secret) => {
    const msg = `app_secret ${secret} is wrong; quality ${secret}, (${secret})`;
    const error = await echoed(apiKey, secret, () => json(400, { code: "invalid_argument", msg }));
    expect(error).toMatchObject({ msg: "app_secret [redacted] is wrong; quality [redacted], ([redacted])" });
  });

  it("of a short key are redacted where they stand alone", async () => {
    const error = await echoed("ab", appSecret, () =>
      json(401, { code: "unauthenticated", msg: "Bearer ab is not a key; absent" }),
    );
    expect(error).toMatchObject({ msg: "Bearer [redacted] is not a key; absent" });
  });

  it("cut by the 1 KiB excerpt leave none of their characters behind", async () => {
    const page = `${"x".repeat(1020)}${appSecret}${"y".repeat(2000)}`;
    const error = await echoed(apiKey, appSecret, () => new Response(page, { status: 502 }));
    const kept = (error as { body: string }).body;
    expect(kept.startsWith("x".repeat(1020))).toBe(true);
    expect(kept.length).toBeLessThanOrEqual(1025);
    expect(kept).not.toContain(appSecret.slice(0, 4));
  });
});

describe("secrets written in another encoding", () => {
  const secret = `Zalo/Sécret "x" <y> & z'9`;
  const escaped = JSON.stringify(secret).slice(1, -1);
  const base64 = (text: string) => Buffer.from(text).toString("base64");
  const encodings: [string, string][] = [
    ["JSON with \\/ for /", escaped.replaceAll("/", "\\/")],
    ["JSON with \\u escapes for non-ASCII, as Python writes it", escaped.replace("é", "\\u00e9")],
    [
      "JSON with \\/ and upper-case \\u escapes, as PHP writes it",
      escaped.replaceAll("/", "\\/").replace("é", "\\u00E9"),
    ],
    ["encodeURIComponent", encodeURIComponent(secret)],
    ["a form query, with + for spaces", new URLSearchParams({ s: secret }).toString().slice(2)],
    [
      "encodeURIComponent with lower-case hex",
      encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (c) => c.toLowerCase()),
    ],
    [
      "HTML entities with &quot; and &#39;",
      secret
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;")
        .replaceAll('"', "&quot;")
        .replaceAll("'", "&#39;"),
    ],
    [
      "HTML entities with &#34; and &#x27;",
      secret
        .replaceAll("&", "&amp;")
        .replaceAll("<", "&lt;")
        .replaceAll(">", "&gt;")
        .replaceAll('"', "&#34;")
        .replaceAll("'", "&#x27;"),
    ],
    ["upper case", secret.toUpperCase()],
    ["base64", base64(secret)],
    ["base64 after other bytes, as in Basic auth", base64(`user:${secret}`)],
    ["base64 two bytes in", base64(`ab${secret}`)],
    ["base64url", base64(`user:${secret}`).replaceAll("+", "-").replaceAll("/", "_")],
  ];

  it.each(encodings)("are redacted when written as %s, in a message and in a text body", async (_, encoded) => {
    const api = await echoed(apiKey, secret, () => json(400, { code: "invalid_argument", msg: `got ${encoded}!` }));
    expect(api).toMatchObject({ msg: expect.stringMatching(/^got .*\[redacted\].*!$/) });
    const page = await echoed(apiKey, secret, () => new Response(`<p>${encoded}</p>`, { status: 502 }));
    for (const error of [api, page]) {
      const { body } = error as { body: unknown };
      for (const text of [...renderings(error), JSON.stringify(body)]) expect(text).not.toContain(encoded);
    }
    expect(String((page as { body: unknown }).body)).toContain("[redacted]");
  });

  it("are redacted from a repeated cursor that quotes the key", async () => {
    const fetch = fakeFetch(() => json(200, { accounts: [], paging: { next: `next-${apiKey}` } })).fetch;
    const all = createZaloCloudClient({ apiKey, scope: "shop", fetch }).listOA.all({});
    const error = await rejection(
      (async () => {
        for await (const _ of all);
      })(),
    );
    expect(error).toBeInstanceOf(EtelecomError);
    for (const text of [...renderings(error), JSON.stringify((error as { body: unknown }).body)]) {
      expect(text).not.toContain(apiKey);
    }
  });
});

describe.each(fieldsOf("secrets"))("the writeOnly field %s %s", (name, _, path) => {
  it("is redacted from every error, like the key", async () => {
    const secret = "writeOnly-secret-13579";
    const echo = async (request: Request) => new Response(`<pre>${await request.text()}</pre>`, { status: 502 });
    const error = await rejection(methodOf(name, echo, { apiKey }).send(withValue(requestExample(name), path, secret)));
    expectNowhere(error, secret);
    expect(String((error as { body: unknown }).body)).not.toContain(apiKey);
  });
});
