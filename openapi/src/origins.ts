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
 * Picks the origin to call: an explicit `baseUrl` wins over `environment`. Plain http would send the API key and
 * the app secret in clear text, so it is refused unless the host is loopback (the mock) or `allowInsecureHttp`.
 */
export function resolveOrigin(environment: Environment = "production", baseUrl?: string, allowInsecureHttp = false) {
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
  // The paths in the spec already start with /v1, so only the origin of baseUrl is used.
  return url.origin;
}
