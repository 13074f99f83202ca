import { resolveBaseUrl } from "@etelecom-zalo/openapi/origins";
import type { paths } from "@etelecom-zalo/openapi/types";
import createClient, { type Client } from "openapi-fetch";
import { type CallContext, callOperation } from "./call-operation.js";
import { checkTimeout } from "./deadline.js";
import type { OperationMethods } from "./generated/methods.js";
import { operationTable } from "./generated/operations.js";
import type { OperationDescriptor } from "./operation-descriptor.js";
import type { OperationName } from "./operation-types.js";
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

/** The operations a client made by {@link createZaloCloudClientFor} has: descriptors from `@etelecom-zalo/client/operations`, by method name. */
export type PickedOperations = { readonly [N in OperationName]?: (typeof operationTable)[N] };

/** A client with only the methods of `T`, and `raw`. */
export type PickedClient<T extends PickedOperations> = Pick<OperationMethods, keyof T & OperationName> &
  Pick<ZaloCloudClient, "raw">;

/** Creates a client for eTelecom's Zalo Cloud API, with one method per operation of the spec. */
export function createZaloCloudClient(options: ZaloCloudClientOptions): ZaloCloudClient {
  return createZaloCloudClientFor(operationTable, options) as ZaloCloudClient;
}

/**
 * Creates a client with only the methods an app names, by their descriptors from `@etelecom-zalo/client/operations`,
 * each under its method's name. Each method is the same as `createZaloCloudClient`'s; what differs is the bundle,
 * which holds only these operations' tables and 200 checks, not all of them.
 */
export function createZaloCloudClientFor<T extends PickedOperations>(
  operations: T,
  options: ZaloCloudClientOptions,
): PickedClient<T> {
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
  const methods = Object.entries(operations).map(([name, operation]) => {
    // A descriptor under another name would make a method whose types say one operation and whose calls make another.
    if ((operation as OperationDescriptor | undefined)?.name !== name) {
      throw new TypeError(`operations.${name} is not the descriptor of ${name} from @etelecom-zalo/client/operations`);
    }
    return [name, operationMethod(context, operation as OperationDescriptor)];
  });
  return { ...Object.fromEntries(methods), raw } as PickedClient<T>;
}
