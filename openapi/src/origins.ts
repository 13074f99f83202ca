// The browser-safe part of the package (`@etelecom-zalo/openapi/origins`): no Node import, since the client's
// browser bundle and the mock's MSW handlers import it; the one place the deployments' hosts are written.

/** Which eTelecom deployment to call. */
export type Environment = "production" | "sandbox";

/** The origin of each eTelecom deployment. */
// Frozen: every client reads it, so a caller's assignment must not redirect other clients' keys.
export const ORIGINS: Readonly<Record<Environment, string>> = Object.freeze({
  production: "https://api.etelecom.vn",
  sandbox: "https://api-sandbox.etelecom.vn",
});

/**
 * Picks the base URL to call: an explicit `baseUrl` wins over `environment`. Plain http would send the API key and
 * the app secret in clear text, so it is refused unless the host is loopback (the mock) or `allowInsecureHttp`.
 * A path prefix is kept (`http://localhost:4010/mock` calls `http://localhost:4010/mock/v1/shop.Zalo/...`); what
 * would send a request elsewhere than `baseUrl` says is refused: a query or fragment, which cannot sit before a
 * path, and a trailing `/v1`, which the spec's paths already start with.
 */
export function resolveBaseUrl(environment: Environment = "production", baseUrl?: string, allowInsecureHttp = false) {
  if (baseUrl === undefined) {
    // Own keys only: "toString" or "__proto__" must not pick something off Object.prototype.
    const origin = Object.hasOwn(ORIGINS, environment) ? ORIGINS[environment] : undefined;
    if (origin === undefined) {
      throw new TypeError(`environment must be "production" or "sandbox", got ${JSON.stringify(environment)}`);
    }
    return origin;
  }
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(
      `baseUrl must be an absolute URL such as "https://api.etelecom.vn", got ${JSON.stringify(baseUrl)}`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`baseUrl must use https, got ${url.protocol}`);
  }
  if (url.protocol === "http:" && !allowInsecureHttp && !/^(localhost|127(\.\d+){3}|\[::1\])$/.test(url.hostname)) {
    throw new TypeError(
      `baseUrl must use https: ${url.origin} would send the API key in clear text (http is allowed only for loopback hosts such as the mock on 127.0.0.1, or with allowInsecureHttp: true)`,
    );
  }
  if (/[?#]/.test(baseUrl))
    throw new TypeError(`baseUrl must have no query or fragment, got ${url.origin}${url.pathname}…`);
  const prefix = url.pathname.replace(/\/+$/, "");
  if (/\/v1$/i.test(prefix)) {
    throw new TypeError(
      `baseUrl must not end with /v1, which every path of the API starts with: use ${url.origin}${prefix.slice(0, -3)}`,
    );
  }
  return url.origin + prefix;
}

/** The origin of the base URL that {@link resolveBaseUrl} picks, e.g. for intercepting the client's requests. */
export function resolveOrigin(environment?: Environment, baseUrl?: string, allowInsecureHttp?: boolean) {
  return new URL(resolveBaseUrl(environment, baseUrl, allowInsecureHttp)).origin;
}
