import { resolveBaseUrl } from "@etelecom-zalo/openapi/origins";
import type { paths } from "@etelecom-zalo/openapi/types";
import createClient, { type Client } from "openapi-fetch";
import { type CallContext, callOperation } from "./call-operation.js";
import { checkTimeout } from "./deadline.js";
import type { OperationMethods } from "./generated/methods.js";
import { operationTable } from "./generated/operations.js";
import type { OperationDescriptor } from "./operation-descriptor.js";
import { paginate } from "./paginate.js";
import { valuesAt } from "./request-body.js";
import { checkRetries } from "./retries.js";
import type { CallOptions, PageOptions, ZaloCloudClientOptions } from "./types.js";

/** A client for one caller (one key, one scope): one method per operation of the spec. */
export interface ZaloCloudClient extends OperationMethods {
  /** The underlying openapi-fetch client, for callers who want `{ data, error, response }`: no validation, no timeout. */
  readonly raw: Client<paths>;
}

/** One method over the one request function, with `.all` when the operation is a cursor list. */
function operationMethod(context: CallContext, operation: OperationDescriptor) {
  const method = (body: unknown, options?: CallOptions) => callOperation(context, operation, body, options);
  const { list } = operation;
  if (list === null) return method;
  return Object.assign(method, {
    all: (body: unknown = {}, options?: PageOptions) =>
      paginate(method, list.items, body, options, [context.apiKey, ...valuesAt(body, operation.secrets)]),
  });
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
  const timeout = checkTimeout(options.timeout === undefined ? 30_000 : options.timeout);
  const { onRetry } = options;
  const retries = checkRetries(options.retries === undefined ? 2 : options.retries, onRetry);
  const headers = new Headers(options.headers);
  headers.set("Authorization", `Bearer ${apiKey}`);
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  // Looked up per call, so a fetch patched in after the client was made (e.g. by a test's request mocker) is used.
  const fetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const raw = createClient<paths>({
    baseUrl: resolveBaseUrl(options.environment, options.baseUrl, options.allowInsecureHttp),
    headers,
    fetch,
  });
  raw.use(...middleware);
  const context: CallContext = { raw, apiKey, scope, timeout, retries, onRetry, fetch };
  const methods = Object.entries(operationTable).map(([name, operation]) => [
    name,
    operationMethod(context, operation),
  ]);
  return { ...Object.fromEntries(methods), raw } as ZaloCloudClient;
}
