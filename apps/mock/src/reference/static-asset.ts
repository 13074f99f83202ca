import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
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

/** Whether an `If-None-Match` header names this tag (weak comparison, as RFC 9110 13.1.2 asks for GET). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  return ifNoneMatch?.split(",").some((tag) => tag.trim() === "*" || tag.trim().replace(/^W\//, "") === etag) ?? false;
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
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const body = gzipped ? asset.gzipped : asset.body;
  if (gzipped) headers["content-encoding"] = "gzip";
  headers["content-length"] = String(body.byteLength);
  return new Response(request.method === "HEAD" ? null : body, { status: 200, headers });
}
