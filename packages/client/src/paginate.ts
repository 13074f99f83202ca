import { EtelecomInvalidResponseError } from "./errors/etelecom-invalid-response-error.js";
import { isObject } from "./request-body.js";
import type { CallOptions, PageOptions } from "./types.js";

type Page = Record<string, unknown> & { paging?: { next?: unknown } };

/**
 * Every item of a cursor list, page after page, as stripe-node's auto-pagination and octokit's
 * `paginate.iterator` yield them: each page's `paging.next` is sent back as `paging.after`, with the caller's
 * filter and limit, until a page has no `next`. `items` names the array of a page's items (from the operation
 * table). A server that repeats a cursor would make this loop forever, so it is an EtelecomInvalidResponseError.
 */
export function paginate(
  call: (body: unknown, options: CallOptions) => Promise<unknown>,
  items: string,
  body: unknown,
  { max, ...options }: PageOptions = {},
): AsyncIterable<unknown> {
  if (max !== undefined && typeof max !== "number") throw new TypeError(`max must be a number, got ${typeof max}`);
  if (max !== undefined && !(Number.isSafeInteger(max) && max > 0)) {
    throw new RangeError(`max must be a positive integer, got ${max}`);
  }
  return pages(call, items, body, options, max ?? Number.POSITIVE_INFINITY);
}

async function* pages(
  call: (body: unknown, options: CallOptions) => Promise<unknown>,
  items: string,
  body: unknown,
  options: CallOptions,
  max: number,
): AsyncGenerator<unknown> {
  const paging = isObject(body) && isObject(body.paging) ? body.paging : {};
  const seen = new Set(typeof paging.after === "string" ? [paging.after] : []);
  let request = body;
  let count = 0;
  for (;;) {
    const page = (await call(request, options)) as Page;
    for (const item of (page[items] as unknown[] | undefined) ?? []) {
      yield item;
      if (++count >= max) return;
    }
    const next = page.paging?.next;
    if (typeof next !== "string" || next === "") return;
    if (seen.has(next)) {
      throw new EtelecomInvalidResponseError(
        200,
        page.paging,
        `a paging.next it already sent (${JSON.stringify(next.length > 80 ? `${next.slice(0, 80)}…` : next)}), so the list would never end`,
      );
    }
    seen.add(next);
    options.signal?.throwIfAborted();
    request = { ...(body as object), paging: { ...paging, after: next } };
  }
}
