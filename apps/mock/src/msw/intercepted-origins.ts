import { ORIGINS, resolveBaseUrl, resolveOrigin } from "@etelecom-zalo/openapi/origins";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Matches every URL on production's and sandbox's origins (the client's `ORIGINS`) and on `baseUrl`'s, read as the
 * client reads its own `baseUrl` (only the origin counts; plain http is fine: nothing leaves the process). A RegExp,
 * which MSW matches against the whole URL, since a `${origin}/*` path would go through path-to-regexp, which reads
 * the colons and brackets of an origin such as `http://[::1]:4010` as its own syntax.
 */
export function interceptedOrigins(baseUrl?: string): RegExp {
  const origin = baseUrl === undefined ? undefined : resolveOrigin(undefined, baseUrl, true);
  // The client keeps a path prefix of its baseUrl (a mock behind a proxy at /mock); the handlers answer an origin,
  // and would answer every prefixed call with bad_route: refused here, in one line, rather than on each call.
  if (baseUrl !== undefined && resolveBaseUrl(undefined, baseUrl, true) !== origin) {
    throw new Error(
      `baseUrl ${JSON.stringify(baseUrl)} has a path prefix, which the in-process handlers do not serve: give its origin (${origin})`,
    );
  }
  const origins = new Set([...Object.values(ORIGINS), ...(origin === undefined ? [] : [origin])]);
  return new RegExp(`^(?:${[...origins].map(escapeRegExp).join("|")})/`);
}
