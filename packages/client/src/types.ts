import type { Environment } from "@etelecom-zalo/openapi/origins";
import type { components } from "@etelecom-zalo/openapi/types";
import type { Middleware } from "openapi-fetch";
import type { EtelecomError } from "./errors/etelecom-error.js";

/** Who is calling: a shop with its `api_key`, or a partner with the `shop_key` of the shop it acts for. */
export type Scope = "shop" | "partner";

// Defined beside ORIGINS, whose keys it names; re-exported so the client's users import it from the client.
export type { Environment };

/** Options of {@link createZaloCloudClient}. */
export interface ZaloCloudClientOptions {
  /** The shop's `api_key` (scope `shop`) or the shop's `shop_key` (scope `partner`), sent as a Bearer token. */
  apiKey: string;
  /** Which base URL to call: `/v1/shop` or `/v1/partner`. */
  scope: Scope;
  /** `production` (default) or `sandbox`; ignored when `baseUrl` is given. */
  environment?: Environment;
  /**
   * An origin such as `http://127.0.0.1:4010` (the mock), with any path prefix before `/v1`
   * (`http://localhost:4010/mock`); overrides `environment`. Must be https unless loopback.
   */
  baseUrl?: string;
  /** Lets `baseUrl` use plain http on a host that is not loopback (e.g. a test proxy); never for production. */
  allowInsecureHttp?: boolean;
  /** The `fetch` to use; defaults to the global `fetch` at the time of each call. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers for every request; they cannot replace `Authorization`. */
  // Not HeadersInit: that name exists only with the DOM lib, and Node-only projects type-check without it.
  headers?: ConstructorParameters<typeof Headers>[0];
  /** openapi-fetch middleware, registered with `client.raw.use(...)`, so it also sees every method's requests. */
  middleware?: Middleware[];
  /** Milliseconds a call waits for the whole answer before it rejects with `EtelecomTimeoutError`; default 30000. */
  timeout?: number;
  /**
   * How many times a call the spec marks idempotent (`x-idempotent: true`: reads) is sent again after a
   * connection refused or reset before any answer, or a 429, 502, 503 or 504: an integer from 0 (never) to 10;
   * default 2. The waits grow (0.5 s, 1 s, 2 s… up to 8 s, with jitter) or follow `Retry-After` up to 60 s, and
   * `timeout` covers every attempt and wait. Any other operation is never sent twice: a repeat could act twice.
   */
  retries?: number;
  /** Called before each retry, e.g. to log it; what it throws rejects the call. */
  onRetry?: (info: RetryInfo) => void;
}

/** What `onRetry` is told before a call is sent again. */
export interface RetryInfo {
  /** The attempt that failed, from 1. */
  attempt: number;
  /** Why: an EtelecomNetworkError, or an EtelecomApiError or EtelecomInvalidResponseError with a retried status. */
  error: EtelecomError;
  /** Milliseconds until the next attempt. */
  delay: number;
}

/** Per-call options of every method. */
export interface CallOptions {
  /** Aborts the call; it then rejects with `signal.reason` (by default a `DOMException` named `AbortError`). */
  signal?: AbortSignal;
  /** Overrides the client's `timeout` for this call, in milliseconds; it covers every attempt. */
  timeout?: number;
  /** Overrides the client's `retries` for this call. */
  retries?: number;
  /** Overrides the client's `onRetry` for this call. */
  onRetry?: (info: RetryInfo) => void;
}

/** Options of a list method's `.all`: the others apply to each page's call. */
export interface PageOptions extends CallOptions {
  /** Stops after this many items (a positive integer); by default, every item of every page. */
  max?: number;
  /**
   * Reads at most this many pages (a positive integer; default 1000): a list still not ended after them rejects
   * with EtelecomInvalidResponseError, since a server that sends a new `next` on every page would never end it.
   */
  maxPages?: number;
}

/** eTelecom's error body: `{ code, msg }`. */
export type ErrorBody = components["schemas"]["Error"];

/** Error codes that eTelecom documents or that its (Twirp) error model defines; any other string is still accepted. */
export type KnownErrorCode =
  | "invalid_argument"
  | "unauthenticated"
  | "bad_route"
  | "permission_denied"
  | "not_found"
  | "already_exists"
  | "resource_exhausted"
  | "internal"
  | "unavailable";

/** An eTelecom error code: one of {@link KnownErrorCode}, or any string a newer server may send. */
export type ErrorCode = KnownErrorCode | (string & {});
