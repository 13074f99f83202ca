import Negotiator from "negotiator";

/**
 * Whether an `Accept-Encoding` header asks for gzip over the plain file, read by `negotiator` (Express's): q-values,
 * `*` and `q=0` refusals as RFC 9110 12.5.3 has them. It does not know `x-gzip`, which 8.4.1.3 makes the same coding
 * as `gzip`: it reads it as `gzip`.
 */
export function acceptsGzip(header: string | null): boolean {
  const codings = header?.replace(/\bx-gzip\b/gi, "gzip");
  return new Negotiator({ headers: { "accept-encoding": codings } }).encoding(["gzip", "identity"]) === "gzip";
}
