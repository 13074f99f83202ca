import { ORIGINS, resolveOrigin } from "@etelecom-zalo/openapi/origins";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Matches every URL on production's and sandbox's origins (the client's `ORIGINS`) and on `baseUrl`'s, read as the
 * client reads its own `baseUrl` (only the origin counts; plain http is fine: nothing leaves the process). A RegExp,
 * which MSW matches against the whole URL, since a `${origin}/*` path would go through path-to-regexp, which reads
 * the colons and brackets of an origin such as `http://[::1]:4010` as its own syntax.
 */
export function interceptedOrigins(baseUrl?: string): RegExp {
  const origins = new Set([
    ...Object.values(ORIGINS),
    ...(baseUrl === undefined ? [] : [resolveOrigin(undefined, baseUrl, true)]),
  ]);
  return new RegExp(`^(?:${[...origins].map(escapeRegExp).join("|")})/`);
}
