import createClient, { type Client } from "openapi-fetch";
import { resolveOrigin } from "./base-url.js";
import { EtelecomApiError } from "./errors/etelecom-api-error.js";
import type { paths } from "./generated/api.js";
import type { AuthorizeOARequest, AuthorizeOAResponse, ZaloCloudClientOptions } from "./types.js";

/** A client for one caller (one key, one scope). */
export interface ZaloCloudClient {
  /** Returns the link that sends the OA owner to Zalo to authorize the app. */
  authorizeOA(body: AuthorizeOARequest): Promise<AuthorizeOAResponse>;
  /** The underlying openapi-fetch client, for callers who want `{ data, error, response }`. */
  readonly raw: Client<paths>;
}

/** Creates a client for eTelecom's Zalo Cloud API. */
export function createZaloCloudClient(options: ZaloCloudClientOptions): ZaloCloudClient {
  const { apiKey, scope, environment, baseUrl } = options;
  if (typeof apiKey !== "string" || apiKey === "") {
    throw new TypeError("apiKey must be a non-empty string");
  }
  if (scope !== "shop" && scope !== "partner") {
    throw new TypeError(`scope must be "shop" or "partner", got ${JSON.stringify(scope)}`);
  }
  const raw = createClient<paths>({
    baseUrl: resolveOrigin(environment, baseUrl),
    headers: { Authorization: `Bearer ${apiKey}` },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  return {
    raw,
    async authorizeOA(body) {
      const { data, error, response } = await raw.POST("/v1/{scope}.Zalo/AuthorizeOA", {
        params: { path: { scope } },
        body,
      });
      // openapi-fetch reports an empty error body as "", so the status, not `error`, decides.
      if (!response.ok) {
        throw toApiError(response.status, error);
      }
      return data as AuthorizeOAResponse;
    },
  };
}

function toApiError(status: number, body: unknown): EtelecomApiError {
  const { code, msg } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  return new EtelecomApiError(
    status,
    typeof code === "string" ? code : "unknown",
    typeof msg === "string" ? msg : String(body ?? ""),
    body,
  );
}
