import { ORIGINS } from "@etelecom-zalo/client";

/** The origin of `baseUrl`, checked as the client checks its own `baseUrl`: only its origin is used. */
function originOf(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `baseUrl must be an absolute URL such as "http://127.0.0.1:4010", got ${JSON.stringify(baseUrl)}`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`baseUrl must use https or http, got ${url.protocol}`);
  }
  return url.origin;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Matches every URL on production's and sandbox's origins (the client's `ORIGINS`) and on `baseUrl`'s. A RegExp,
 * which MSW matches against the whole URL, since a `${origin}/*` path would go through path-to-regexp, which reads
 * the colons and brackets of an origin such as `http://[::1]:4010` as its own syntax.
 */
export function interceptedOrigins(baseUrl?: string): RegExp {
  const origins = new Set([...Object.values(ORIGINS), ...(baseUrl === undefined ? [] : [originOf(baseUrl)])]);
  return new RegExp(`^(?:${[...origins].map(escapeRegExp).join("|")})/`);
}
