import createClient, { type Client } from "openapi-fetch";
import { resolveOrigin } from "./base-url.js";
import { EtelecomApiError } from "./errors/etelecom-api-error.js";
import { EtelecomInvalidResponseError } from "./errors/etelecom-invalid-response-error.js";
import { EtelecomNetworkError } from "./errors/etelecom-network-error.js";
import { EtelecomTimeoutError } from "./errors/etelecom-timeout-error.js";
import type { paths } from "./generated/api.js";
import { redact } from "./redact.js";
import { toRequestBody } from "./request-body.js";
import type { AuthorizeOAInput, AuthorizeOAResponse, CallOptions, ZaloCloudClientOptions } from "./types.js";

/** A client for one caller (one key, one scope). */
export interface ZaloCloudClient {
  /** Returns the link that sends the OA owner to Zalo to authorize the app. */
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
      checkTimeout(timeout);
      signal?.throwIfAborted();
      const secrets = [apiKey, input.app_secret];
      const controller = new AbortController();
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, timeout);
      const onAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener("abort", onAbort);
      try {
        // Text, not JSON: openapi-fetch would throw a bare SyntaxError on a body that is not JSON.
        const { data, error, response } = await raw
          .POST("/v1/{scope}.Zalo/AuthorizeOA", {
            params: { path: { scope } },
            body,
            parseAs: "text",
            signal: controller.signal,
            // Following a 307/308 would POST the app secret again, to wherever the Location header points.
            redirect: "manual",
          })
          .catch((cause: unknown) => {
            if (timedOut) throw new EtelecomTimeoutError(timeout);
            if (signal?.aborted) throw signal.reason;
            throw toNetworkError(cause, secrets);
          });
        // openapi-fetch reports an empty error body as "", so the status, not `error`, decides.
        if (response.ok) {
          const value = parseJson(data);
          if (typeof value?.url === "string") return { url: value.url };
          throw new EtelecomInvalidResponseError(response.status, redact(value ?? data, secrets));
        }
        const value = typeof error === "string" ? parseJson(error) : error;
        if (typeof value?.code === "string") {
          const msg = typeof value.msg === "string" ? value.msg : "";
          throw new EtelecomApiError(
            response.status,
            redact(value.code, secrets),
            redact(msg, secrets),
            redact(value, secrets),
          );
        }
        throw new EtelecomInvalidResponseError(response.status, redact(value ?? error, secrets));
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      }
    },
  };
}

function checkTimeout(timeout: number): number {
  // setTimeout fires at once for delays above 2^31-1 ms, which would turn a long timeout into an instant one.
  if (!(timeout > 0 && timeout <= 2 ** 31 - 1)) {
    throw new TypeError(`timeout must be a number of milliseconds from 1 to 2147483647, got ${String(timeout)}`);
  }
  return timeout;
}

/** Parses a JSON object, or returns undefined for anything else (HTML, a truncated body, a bare string). */
function parseJson(text: unknown): Record<string, unknown> | undefined {
  try {
    const value: unknown = typeof text === "string" ? JSON.parse(text) : text;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps what `fetch` threw. The original error is not kept as `cause`: a custom `fetch` or middleware may have put
 * the request (and its Authorization header) into it. The cause keeps only the innermost message and code, redacted.
 */
function toNetworkError(thrown: unknown, secrets: readonly unknown[]): EtelecomNetworkError {
  let inner = thrown as { message?: unknown; code?: unknown; cause?: unknown } | undefined;
  while (typeof inner?.cause === "object" && inner.cause !== null) inner = inner.cause as typeof inner;
  const message = redact(String(inner?.message || inner?.code || "fetch failed"), secrets);
  const cause = Object.assign(new Error(message), typeof inner?.code === "string" ? { code: inner.code } : {});
  return new EtelecomNetworkError(`eTelecom could not be reached: ${message}`, { cause });
}
