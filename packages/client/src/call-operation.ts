import type { paths } from "@etelecom-zalo/openapi/types";
import type { Client } from "openapi-fetch";
import { type BodyReading, capErrorBodies, readCapped } from "./cap-response.js";
import { checkTimeout, withDeadline } from "./deadline.js";
import type { OperationDescriptor } from "./operation-descriptor.js";
import { readResponse } from "./read-response.js";
import { toRequestBody, valuesAt } from "./request-body.js";
import { toNetworkError } from "./to-network-error.js";
import type { CallOptions, Scope } from "./types.js";

/** What every call of one client shares. */
export interface CallContext {
  raw: Client<paths>;
  apiKey: string;
  scope: Scope;
  timeout: number;
  fetch: typeof globalThis.fetch;
}

/** openapi-fetch's `request`, for a path and a body that the operation table, not a literal, provides. */
type SendRequest = (
  method: string,
  path: string,
  init: Record<string, unknown>,
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/**
 * The one request function behind every method: checks and converts the body as the operation's table entry says,
 * sends it through openapi-fetch (so middleware sees it) within the timeout and the caller's signal, and returns
 * the checked 200 body or throws an EtelecomError (or the signal's reason). The secrets of a call, redacted from
 * every error, are the API key and the request's `writeOnly` fields.
 */
export async function callOperation(
  context: CallContext,
  operation: OperationDescriptor,
  input: unknown,
  { signal, timeout = context.timeout }: CallOptions = {},
): Promise<unknown> {
  const body = toRequestBody(input, operation);
  const secrets = [context.apiKey, ...valuesAt(input, operation.secrets)];
  const reading: BodyReading = {};
  const send = context.raw.request as unknown as SendRequest;
  const result = await withDeadline(
    checkTimeout(timeout),
    signal,
    async (deadline) => {
      const sent = await send(operation.method, operation.path, {
        params: { path: { scope: context.scope } },
        body,
        // The stream, not JSON: openapi-fetch would read it without limit and throw a bare SyntaxError on a body
        // that is not JSON. Within the deadline, so that a body that trickles in times out too.
        parseAs: "stream",
        signal: deadline,
        // Following a 307/308 would POST the request's secrets again, to wherever the Location header points.
        redirect: "manual",
        fetch: capErrorBodies(context.fetch, reading),
      });
      return sent.response.ok
        ? { ...sent, data: await readCapped(sent.data as ReadableStream | undefined, reading) }
        : sent;
    },
    (cause) => toNetworkError(cause, secrets),
  );
  return readResponse(result, reading, operation.check, secrets);
}
