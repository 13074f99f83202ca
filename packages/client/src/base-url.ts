import type { Environment } from "./types.js";

/** The origin of each eTelecom deployment. */
export const ORIGINS: Record<Environment, string> = {
  production: "https://api.etelecom.vn",
  sandbox: "https://api-sandbox.etelecom.vn",
};

/** Picks the origin to call: an explicit `baseUrl` wins over `environment`. */
export function resolveOrigin(environment: Environment = "production", baseUrl?: string): string {
  if (baseUrl === undefined) {
    const origin = ORIGINS[environment];
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
      `baseUrl must be an absolute URL such as "http://127.0.0.1:4010", got ${JSON.stringify(baseUrl)}`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new TypeError(`baseUrl must use http or https, got ${JSON.stringify(baseUrl)}`);
  }
  // The paths in the spec already start with /v1, so only the origin of baseUrl is used.
  return url.origin;
}
