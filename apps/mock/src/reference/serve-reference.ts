import { readFile } from "node:fs/promises";
import { loadSpec, specPath } from "@etelecom-zalo/openapi";
import type { MockRequest } from "../core/mock-request.js";
import { DOCS_CONTENT_SECURITY_POLICY, DOCS_INIT, DOCS_PAGE, DOCS_PATHS } from "./docs-page.js";
import { readScalarBundle } from "./scalar-bundle.js";
import type { StaticAsset } from "./static-asset.js";

// Loaded with the first request for the reference, with the libraries it uses: every mock starts, few serve docs.
const assets = () => import("./static-asset.js");
const staticAsset: typeof import("./static-asset.js").staticAsset = async (...args) =>
  (await assets()).staticAsset(...args);

const JAVASCRIPT = { "content-type": "text/javascript; charset=utf-8" };

/** Each path and how to build what it serves; built on first request, so a mock that never serves docs never reads them. */
const builders = new Map<string, () => Promise<StaticAsset>>([
  [
    "/openapi.yaml",
    async () => staticAsset(await readFile(specPath), { "content-type": "application/yaml; charset=utf-8" }),
  ],
  ["/openapi.json", () => staticAsset(JSON.stringify(loadSpec(), null, 2), { "content-type": "application/json" })],
  [
    DOCS_PATHS.page,
    () =>
      staticAsset(DOCS_PAGE, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": DOCS_CONTENT_SECURITY_POLICY,
      }),
  ],
  [DOCS_PATHS.scalar, async () => staticAsset(await readScalarBundle(), JAVASCRIPT)],
  [DOCS_PATHS.init, () => staticAsset(DOCS_INIT, JAVASCRIPT)],
]);

const built = new Map<string, Promise<StaticAsset>>();

/**
 * Answers the API reference's routes: `GET`/`HEAD` of `/openapi.yaml` (the spec file as is), `/openapi.json` (the
 * same document as JSON), `/__docs` (Scalar's reference page) and the scripts that page loads. Resolves undefined
 * for any other request, which is then the engine's to answer. `path` is the request's pathname, which the engine
 * has parsed already: every request of the mock passes through here.
 */
export async function serveReference(request: MockRequest, path: string): Promise<Response | undefined> {
  if (request.method !== "GET" && request.method !== "HEAD") return undefined;
  const build = builders.get(path);
  if (build === undefined) return undefined;
  let asset = built.get(path);
  if (asset === undefined) {
    asset = build();
    built.set(path, asset);
    // A failed read is not cached: the next request tries again (and the engine reports this one).
    asset.catch(() => built.delete(path));
  }
  return (await assets()).respondWithAsset(request, await asset);
}
