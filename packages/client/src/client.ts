import createClient, { type Client } from "openapi-fetch";
import { resolveOrigin } from "./base-url.js";
import { checkTimeout, withDeadline } from "./deadline.js";
import type { paths } from "./generated/api.js";
import { readResponse } from "./read-response.js";
import { toRequestBody } from "./request-body.js";
import { toNetworkError } from "./to-network-error.js";
import type { AuthorizeOAInput, AuthorizeOAResponse, CallOptions, ZaloCloudClientOptions } from "./types.js";

/** A client for one caller (one key, one scope). */
export interface ZaloCloudClient {
  /** Returns the link that sends the OA owner to Zalo to authorize the app; rejects with an EtelecomError or the signal's reason. */
  authorizeOA(body: AuthorizeOAInput, options?: CallOptions): Promise<AuthorizeOAResponse>;
  /** The underlying openapi-fetch client, for callers who want `{ data, error, response }`: no validation, no timeout. */
  readonly raw: Client<paths>;
}

/** Creates a client for eTelecom's Zalo Cloud API. */
export function createZaloCloudClient(options: ZaloCloudClientOptions): ZaloCloudClient {
  const { apiKey, scope, middleware = [] } = options;
  // A key with spaces or control characters would make Headers throw a message that quotes the key.
  if (typeof apiKey !== "string" || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new TypeError("apiKey must be a non-empty string of visible ASCII characters");
  }
  if (scope !== "shop" && scope !== "partner") {
    throw new TypeError(`scope must be "shop" or "partner", got ${JSON.stringify(scope)}`);
  }
  const clientTimeout = checkTimeout(options.timeout ?? 30_000);
  const headers = new Headers(options.headers);
  headers.set("Authorization", `Bearer ${apiKey}`);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  const raw = createClient<paths>({
    baseUrl: resolveOrigin(options.environment, options.baseUrl, options.allowInsecureHttp),
    headers,
    // Looked up per call, so a fetch patched in after the client was made (e.g. by a test's request mocker) is used.
    fetch: options.fetch ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init)),
  });
  raw.use(...middleware);

  return {
    raw,
    async authorizeOA(input, { signal, timeout = clientTimeout } = {}) {
      const body = toRequestBody(input);
      const secrets = [apiKey, input.app_secret];
      const result = await withDeadline(
        checkTimeout(timeout),
        signal,
        (deadline) =>
          raw.POST("/v1/{scope}.Zalo/AuthorizeOA", {
            params: { path: { scope } },
            body,
            // Text, not JSON: openapi-fetch would throw a bare SyntaxError on a body that is not JSON.
            parseAs: "text",
            signal: deadline,
            // Following a 307/308 would POST the app secret again, to wherever the Location header points.
            redirect: "manual",
          }),
        (cause) => toNetworkError(cause, secrets),
      );
      return readResponse(result, secrets);
    },
  };
}
