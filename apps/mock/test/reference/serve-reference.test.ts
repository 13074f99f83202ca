import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { loadSpec, specPath } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { serveReference } from "../../src/reference/serve-reference.js";

const ORIGIN = "http://127.0.0.1:4010";

/** Asks `serveReference` for a path of the mock, failing the test when it does not answer. */
async function get(path: string, init: RequestInit = {}): Promise<Response> {
  const request = new Request(ORIGIN + path, init);
  const response = await serveReference(request, new URL(request.url).pathname);
  if (response === undefined) throw new Error(`serveReference did not answer ${init.method ?? "GET"} ${path}`);
  return response;
}

/** The `src` and `href` attributes of an HTML page, in order. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1] as string);
}

describe("the spec documents", () => {
  it("serves /openapi.yaml as the spec file, byte for byte", async () => {
    const response = await get("/openapi.yaml");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/yaml; charset=utf-8");
    expect(Buffer.from(await response.arrayBuffer()).equals(await readFile(specPath))).toBe(true);
  });

  it("serves /openapi.json as the same document in JSON", async () => {
    const response = await get("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual(loadSpec());
  });

  it("ignores the query string", async () => {
    expect((await get("/openapi.json?download=1")).status).toBe(200);
  });
});

describe("the reference page", () => {
  it("serves /__docs as HTML that loads only the mock's own files", async () => {
    const response = await get("/__docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    const urls = assetUrls(html);
    expect(urls).toEqual(expect.arrayContaining(["/__docs/scalar.js", "/__docs/init.js"]));
    for (const url of urls) expect(url).toMatch(/^(\/(?!\/)|data:)/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it("tells the browser to refuse anything from another origin", async () => {
    const policy = (await get("/__docs")).headers.get("content-security-policy") ?? "";
    const directives = new Map(
      policy
        .split(/; */)
        .map((directive) => directive.split(" "))
        .map(([name, ...sources]) => [name, sources]),
    );
    expect(directives.get("default-src")).toEqual(["'none'"]);
    expect(directives.get("script-src")).toEqual(["'self'"]);
    expect(directives.get("connect-src")).toEqual(["'self'"]);
    for (const source of [...directives.values()].flat()) {
      expect(["'none'", "'self'", "'unsafe-inline'", "data:"]).toContain(source);
    }
  });

  it("serves every script the page loads as JavaScript", async () => {
    const scripts = assetUrls(await (await get("/__docs")).text()).filter((url) => url.endsWith(".js"));
    for (const script of scripts) {
      const response = await get(script);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it("serves Scalar's standalone bundle from node_modules", async () => {
    const bundle = await (await get("/__docs/scalar.js")).text();
    expect(bundle).toMatch(/^\/\*\*[\s\S]*@scalar\/api-reference \d+\.\d+\.\d+/);
    expect(bundle).toContain("createApiReference");
  });

  it("starts Scalar on the JSON document, with the page's own origin as the server and no remote fonts", async () => {
    const init = await (await get("/__docs/init.js")).text();
    expect(init).toContain('url: "/openapi.json"');
    expect(init).toContain("servers: [{ url: window.location.origin");
    expect(init).toContain("withDefaultFonts: false");
    expect(init).not.toMatch(/https?:\/\//);
  });
});

describe("transfer", () => {
  it("gzips for a client that accepts it, and says the answer varies with Accept-Encoding", async () => {
    const plain = await get("/__docs/scalar.js");
    const gzipped = await get("/__docs/scalar.js", { headers: { "Accept-Encoding": "gzip, deflate, br" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(gzipped.headers.get("vary")).toBe("Accept-Encoding");
    const compressed = Buffer.from(await gzipped.arrayBuffer());
    expect(Number(gzipped.headers.get("content-length"))).toBe(compressed.length);
    expect(gunzipSync(compressed).equals(Buffer.from(await plain.arrayBuffer()))).toBe(true);
    expect(compressed.length).toBeLessThan(Number(plain.headers.get("content-length")) / 2);
  });

  it("does not gzip for a client that refuses it", async () => {
    const response = await get("/openapi.yaml", { headers: { "Accept-Encoding": "gzip;q=0, identity" } });
    expect(response.headers.get("content-encoding")).toBeNull();
  });

  it("answers 304 without a body when the client already has this version", async () => {
    for (const headers of [{}, { "Accept-Encoding": "gzip" }]) {
      const first = await get("/openapi.json", { headers });
      const etag = first.headers.get("etag") ?? "";
      expect(etag).toMatch(/^"[^"]+"$/);
      const again = await get("/openapi.json", { headers: { ...headers, "If-None-Match": `W/${etag}` } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
    }
    const plainTag = (await get("/openapi.json")).headers.get("etag");
    const gzipTag = (await get("/openapi.json", { headers: { "Accept-Encoding": "gzip" } })).headers.get("etag");
    expect(gzipTag).not.toBe(plainTag);
  });

  it("sends the whole answer again to a reload, which asks for no cached copy", async () => {
    const etag = (await get("/openapi.json")).headers.get("etag") ?? "";
    const reload = await get("/openapi.json", { headers: { "If-None-Match": etag, "Cache-Control": "no-cache" } });
    expect(reload.status).toBe(200);
  });

  it("answers HEAD with GET's headers and no body", async () => {
    const got = await get("/openapi.yaml");
    const head = await get("/openapi.yaml", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Object.fromEntries(head.headers)).toEqual(Object.fromEntries(got.headers));
    expect(await head.text()).toBe("");
  });
});

describe("other requests", () => {
  it.each([
    ["POST", "/openapi.json"],
    ["PUT", "/__docs"],
    ["GET", "/v1/shop.Zalo/AuthorizeOA"],
    ["GET", "/__docs/"],
    ["GET", "/__docs/style.css"],
    ["GET", "/openapi.yml"],
    ["GET", "/__health"],
  ])("leaves %s %s to the engine", async (method, path) => {
    expect(await serveReference(new Request(ORIGIN + path, { method }), path)).toBeUndefined();
  });
});
