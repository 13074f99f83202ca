import { EtelecomInvalidResponseError } from "./errors/etelecom-invalid-response-error.js";
import { redact } from "./redact.js";
import { isObject } from "./request-body.js";
import type { CallOptions, PageOptions } from "./types.js";

type Page = Record<string, unknown> & { paging?: { next?: unknown } };

/** How many pages `.all` reads by default before it decides that a list which has not ended never will. */
const MAX_PAGES = 1000;

/** Throws unless `value` (the option `name`) is undefined or a positive integer. */
function checkCount(name: string, value: unknown) {
  if (value !== undefined && typeof value !== "number") {
    throw new TypeError(`${name} must be a number, got ${typeof value}`);
  }
  if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) > 0)) {
    throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }
}

/**
 * Every item of a cursor list, page after page, as stripe-node's auto-pagination and octokit's
 * `paginate.iterator` yield them: each page's `paging.next` is sent back as `paging.after`, with the caller's
 * filter and limit, until a page has no `next`. `items` names the array of a page's items (from the operation
 * table). A server that repeats a cursor, or sends a new one page after page (even with no items), would make this
 * loop forever, so either is an EtelecomInvalidResponseError: the second once `maxPages` pages have not ended it.
 * Such an error quotes the server's cursor, redacted of `secrets` (the call's key and secret fields), as every
 * error of the client is.
 */
export function paginate(
  call: (body: unknown, options: CallOptions) => Promise<unknown>,
  items: string,
  body: unknown,
  { max, maxPages = MAX_PAGES, ...options }: PageOptions = {},
  secrets: readonly unknown[] = [],
): AsyncIterable<unknown> {
  checkCount("max", max);
  checkCount("maxPages", maxPages);
  return pages(call, items, body, options, max ?? Number.POSITIVE_INFINITY, maxPages, secrets);
}

async function* pages(
  call: (body: unknown, options: CallOptions) => Promise<unknown>,
  items: string,
  body: unknown,
  options: CallOptions,
  max: number,
  maxPages: number,
  secrets: readonly unknown[],
): AsyncGenerator<unknown> {
  const paging = isObject(body) && isObject(body.paging) ? body.paging : {};
  const seen = new Set(typeof paging.after === "string" ? [paging.after] : []);
  let request = body;
  let count = 0;
  for (let read = 1; ; read++) {
    const page = (await call(request, options)) as Page;
    for (const item of (page[items] as unknown[] | undefined) ?? []) {
      yield item;
      if (++count >= max) return;
    }
    const next = page.paging?.next;
    if (typeof next !== "string" || next === "") return;
    const invalid = (problem: string) =>
      new EtelecomInvalidResponseError(200, redact(page.paging, secrets), redact(problem, secrets));
    if (seen.has(next)) {
      // Redacted before it is cut, so that a cut cannot leave the first characters of a secret behind.
      const shown = redact(next, secrets);
      const quoted = JSON.stringify(shown.length > 80 ? `${shown.slice(0, 80)}…` : shown);
      throw invalid(`a paging.next it already sent (${quoted}), so the list would never end`);
    }
    if (read === maxPages) {
      throw invalid(`a list that has not ended after ${read} pages (maxPages), which may never end`);
    }
    seen.add(next);
    options.signal?.throwIfAborted();
    request = { ...(body as object), paging: { ...paging, after: next } };
  }
}
