import type { paths } from "@etelecom-zalo/openapi/types";
import type { Client } from "openapi-fetch";
import { type BodyReading, capErrorBodies, readCapped } from "./cap-response.js";
import { checkTimeout, withDeadline } from "./deadline.js";
import { EtelecomError } from "./errors/etelecom-error.js";
import type { OperationDescriptor } from "./operation-descriptor.js";
import { readResponse } from "./read-response.js";
import { toRequestBody, valuesAt } from "./request-body.js";
import { checkRetries, mayRetry, retryDelay, wait } from "./retries.js";
import { toNetworkError } from "./to-network-error.js";
import type { CallOptions, RetryInfo, Scope } from "./types.js";

/** What every call of one client shares. */
export interface CallContext {
  raw: Client<paths>;
  apiKey: string;
  scope: Scope;
  timeout: number;
  retries: number;
  onRetry: ((info: RetryInfo) => void) | undefined;
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
 * the checked 200 body or throws an EtelecomError (or the signal's reason). An operation the spec marks idempotent
 * is sent again after a connection that failed before any answer, or a 429, 502, 503 or 504, up to `retries` times,
 * all within the one timeout. The secrets of a call, redacted from every error, are the API key and the request's
 * `writeOnly` fields.
 */
export async function callOperation(
  context: CallContext,
  operation: OperationDescriptor,
  input: unknown,
  { signal, timeout = context.timeout, retries = context.retries, onRetry = context.onRetry }: CallOptions = {},
): Promise<unknown> {
  const body = toRequestBody(input, operation);
  const secrets = [context.apiKey, ...valuesAt(input, operation.secrets)];
  const send = context.raw.request as unknown as SendRequest;
  const limit = checkRetries(retries, onRetry);
  const endsAt = Date.now() + checkTimeout(timeout);
  let attempt = 0;
  try {
    return await withDeadline(timeout, signal, async (deadline) => {
      for (;;) {
        attempt += 1;
        const reading: BodyReading = {};
        // undefined until fetch is called, null while it has not answered, then the answer: a failure while it is
        // null is a connection refused or reset before any answer, which is safe to repeat.
        let answer: Response | null | undefined;
        try {
          const sent = await send(operation.method, operation.path, {
            params: { path: { scope: context.scope } },
            body,
            // The stream, not JSON: openapi-fetch would read it without limit and throw a bare SyntaxError on a body
            // that is not JSON. Within the deadline, so that a body that trickles in times out too.
            parseAs: "stream",
            signal: deadline,
            // Following a 307/308 would POST the request's secrets again, to wherever the Location header points.
            redirect: "manual",
            fetch: capErrorBodies(async (request, init) => {
              answer = null;
              answer = await context.fetch(request, init);
              return answer;
            }, reading),
          });
          const result = sent.response.ok
            ? { ...sent, data: await readCapped(sent.data as ReadableStream | undefined, reading) }
            : sent;
          return readResponse(result, reading, operation.check, secrets);
        } catch (thrown) {
          // The deadline or the caller's abort: withDeadline has already settled the call.
          if (deadline.aborted) throw thrown;
          const error = thrown instanceof EtelecomError ? thrown : toNetworkError(thrown, secrets);
          const delay =
            operation.idempotent && attempt <= limit && mayRetry(answer)
              ? retryDelay(attempt, answer?.headers.get("Retry-After"))
              : undefined;
          // A wait that would outlast the timeout only turns this error into a timeout: better to report it now.
          if (delay === undefined || Date.now() + delay >= endsAt) throw error;
          onRetry?.({ attempt, error, delay });
          await wait(delay, deadline);
        }
      }
    });
  } catch (error) {
    // Here rather than where each error is made: withDeadline makes the timeout's.
    if (error instanceof EtelecomError) Object.assign(error, { attempts: attempt });
    throw error;
  }
}
