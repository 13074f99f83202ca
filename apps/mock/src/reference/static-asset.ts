// What libraries do here, and what they cannot: `negotiator` reads Accept-Encoding and `fresh` If-None-Match (both
// Express's). `send` and `serve-static` would answer from files into a node:http response, but these assets are built
// in memory (the JSON form of the spec, the page) and answered as a fetch `Response`, which MSW needs; and `etag` 2
// asks for Node 22, where a hash of the bytes is the one line below. So the bytes, their gzip form and the tag are
// made here, once per asset.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import fresh from "fresh";
import type { MockRequest } from "../core/mock-request.js";
import { acceptsGzip } from "./accepts-gzip.js";

const compress = promisify(gzip);

/** A file served as is: its bytes, their gzip form, and an entity tag for each. */
export interface StaticAsset {
  headers: Record<string, string>;
  body: Uint8Array<ArrayBuffer>;
  gzipped: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** Prepares an asset once: gzip runs off the main thread, and the hash makes the tag change with the content. */
export async function staticAsset(
  content: string | Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
): Promise<StaticAsset> {
  const body = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { headers, body, gzipped: await compress(body), etag };
}

/** Answers a GET or HEAD with the asset: gzipped when the client accepts it, 304 when it already has this version. */
export function respondWithAsset(request: MockRequest, asset: StaticAsset): Response {
  const gzipped = acceptsGzip(request.headers.get("accept-encoding"));
  const etag = gzipped ? `${asset.etag.slice(0, -1)}-gzip"` : asset.etag;
  const headers: Record<string, string> = {
    ...asset.headers,
    etag,
    vary: "Accept-Encoding",
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
  };
  // Weak comparison, as RFC 9110 13.1.2 asks for GET; a reload's `Cache-Control: no-cache` gets the whole answer.
  const asked = {
    "if-none-match": header(request, "if-none-match"),
    "cache-control": header(request, "cache-control"),
  };
  if (fresh(asked, { etag })) return new Response(null, { status: 304, headers });
  const body = gzipped ? asset.gzipped : asset.body;
  if (gzipped) headers["content-encoding"] = "gzip";
  headers["content-length"] = String(body.byteLength);
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
}

const header = (request: MockRequest, name: string) => request.headers.get(name) ?? undefined;
