import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listOperations, loadSpec } from "@etelecom-zalo/openapi";
import { afterAll, describe, expect, it } from "vitest";
import { createMockEngine, type Fixtures } from "../../src/index.js";
import { ORIGIN } from "../engine.js";
import { errorOf, type Json, useMock } from "../use-mock.js";

const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8";
const fixtures: Fixtures = { "demo-shop": { oa: [] }, "empty-shop": {} };
const mock = useMock({ fixtures });

const folder = mkdtempSync(join(tmpdir(), "landing-"));
afterAll(() => rmSync(folder, { recursive: true }));

const landing = (accept?: string, url = mock.url) =>
  fetch(`${url}/`, accept === undefined ? {} : { headers: { Accept: accept } });

describe("the landing page at /", () => {
  it.each([undefined, "*/*", "application/json", "text/html;q=0.5, application/json"])(
    "answers Accept %j with JSON: every operation of the spec, by method, path and summary",
    async (accept) => {
      const response = await landing(accept);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(response.headers.get("vary")).toMatch(/accept/i);
      const body: Json = await response.json();
      expect(body.operations).toEqual(
        listOperations().map(({ operationId, method, pathTemplate, object }) => ({
          operationId,
          method: method.toUpperCase(),
          path: pathTemplate,
          summary: object.summary,
        })),
      );
    },
  );

  it("lists the control endpoints, and each one it lists is served", async () => {
    const { endpoints }: Json = await (await landing()).json();
    const paths = endpoints.map(({ method, path }: Json) => `${method} ${path}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        "GET /",
        "GET /__docs",
        "GET /openapi.yaml",
        "GET /openapi.json",
        "GET /__health",
        "POST /__reset",
      ]),
    );
    for (const { method, path, what } of endpoints) {
      expect(what).toEqual(expect.any(String));
      const response = await mock.post(path, { method, body: {}, headers: { Accept: "text/html" } });
      // The consent page without a link is its own 400 page; nothing listed is the API's bad_route.
      expect(response.status, `${method} ${path}`).not.toBe(404);
    }
  });

  it("lists the Prefer header and ?__ query options", async () => {
    const { options }: Json = await (await landing()).json();
    expect(options.map(({ prefer, query }: Json) => [prefer, query])).toEqual([
      ["code=<status>", "__code=<status>"],
      ["example=<name>", "__example=<name>"],
      ["dynamic=true", "__dynamic=true"],
      ["delay=<ms>", "__delay=<ms>"],
      ["fault=<kind>", "__fault=<kind>"],
    ]);
  });

  it("names the fixture keys the mock was started with, never their records", async () => {
    const { fixtures: shown }: Json = await (await landing()).json();
    expect(shown).toEqual({ count: 2, keys: ["demo-shop", "empty-shop"] });
  });

  it("caps the fixture keys it names at 50, and counts them all", async () => {
    const many = Object.fromEntries(Array.from({ length: 60 }, (_, index) => [`shop-${index}`, {}]));
    const engine = await createMockEngine({ fixtures: many });
    const { fixtures: shown }: Json = await (await engine.handle(new Request(`${ORIGIN}/`))).json();
    expect(shown.count).toBe(60);
    expect(shown.keys).toEqual(Object.keys(many).slice(0, 50));
  });

  it("answers a browser with a self-contained HTML page that links the reference", async () => {
    const response = await landing(BROWSER_ACCEPT);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    const page = await response.text();
    expect(page).toContain('<meta name="viewport"');
    expect(page).toContain('href="/__docs"');
    for (const { pathTemplate, object } of listOperations()) {
      expect(page).toContain(pathTemplate);
      expect(page).toContain(object.summary);
    }
    expect(page).toContain("__example=");
    expect(page).toContain("demo-shop");
    expect(page).not.toMatch(/<script|https?:\/\//);
  });

  it("escapes what it shows from the spec", async () => {
    const spec = structuredClone(loadSpec()) as unknown as { paths: Record<string, { post: { summary: string } }> };
    const [first] = Object.values(spec.paths);
    if (first === undefined) throw new Error("the spec has no path");
    first.post.summary = "<b>Tom & Jerry</b>";
    const path = join(folder, "summary.yaml");
    writeFileSync(path, JSON.stringify(spec));
    const engine = await createMockEngine({ specPath: path });
    const page = await (await engine.handle(new Request(`${ORIGIN}/`, { headers: { Accept: "text/html" } }))).text();
    expect(page).toContain("&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;");
    expect(page).not.toContain("<b>Tom");
  });

  it("is a page of GET only: POST / is still the API's bad route", async () => {
    expect(await errorOf(await mock.post("/"))).toMatchObject({ status: 404, code: "bad_route" });
  });
});
