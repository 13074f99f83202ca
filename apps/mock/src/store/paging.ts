import { type DeclaredFilter, filterOf, type Match } from "@etelecom-zalo/openapi";
import { valueAt } from "./values.js";

/** `limit` when a request gives none (the spec's list decision; the schema caps it at 100). */
export const DEFAULT_LIMIT = 20;

/** How a list is declared: its resource, the order of its records, and its filter fields. */
export interface ListShape {
  resource: string;
  key: string;
  order: string[];
  filter?: Record<string, DeclaredFilter>;
}

/** eTelecom's paging (`ktCursorPageInfo`), as every list takes it and answers it. */
export interface Paging {
  after?: string;
  before?: string;
  limit?: number;
  next?: string;
  prev?: string;
}

/** One page, or the side whose cursor this list did not issue. */
export type Page = { items: Record<string, unknown>[]; paging: Paging } | { badCursor: "after" | "before" };

const DIGITS = /^[0-9]+$/;

/**
 * Compares two field values in the order people expect of them: int64 strings as numbers, times as times, the rest
 * as text; a missing value first.
 */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const [x, y] = [String(a), String(b)];
  if (DIGITS.test(x) && DIGITS.test(y) && x.length !== y.length) return x.length - y.length;
  const [tx, ty] = [Date.parse(x), Date.parse(y)];
  if (x.includes("T") && y.includes("T") && Number.isFinite(tx) && Number.isFinite(ty) && tx !== ty) return tx - ty;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Text as Vietnamese users search it: without case and diacritics (`Cà Phê` and `ca phe` are the same), `đ` as
 * `d`, which has no decomposition of its own.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/** The record passes one filter field: `wanted` is the request's value, already folded for `contains`. */
function passes(value: unknown, match: Match, wanted: unknown): boolean {
  switch (match) {
    case "equals":
      return value === wanted;
    case "in":
      return (wanted as unknown[]).includes(value);
    case "any":
      return Array.isArray(value) && value.some((item) => (wanted as unknown[]).includes(item));
    case "contains":
      return typeof value === "string" && fold(value).includes(wanted as string);
    case "from":
      return Date.parse(String(value)) >= Date.parse(String(wanted));
    case "to":
      return Date.parse(String(value)) <= Date.parse(String(wanted));
  }
}

/** A predicate for the request's `filter`; each needle is prepared once, not once per record. */
function filterFor(shape: ListShape, given: Record<string, unknown> = {}) {
  const checks = Object.entries(shape.filter ?? {}).flatMap(([name, declared]) => {
    const wanted = given[name];
    if (wanted === undefined) return [];
    const { field, match, by, fields } = filterOf(name, declared);
    // A field picked by another filter field's value (`time_type` picking which time `date_from` bounds).
    const picked = by === undefined ? undefined : fields?.[String(given[by])];
    return [{ field: picked ?? field, match, wanted: match === "contains" ? fold(String(wanted)) : wanted }];
  });
  return (record: Record<string, unknown>) =>
    checks.every(({ field, match, wanted }) => passes(valueAt(record, field), match, wanted));
}

/** A cursor names the record a page ends (or starts) at: base64url("<resource>:<key>"). */
const cursorOf = (shape: ListShape, record: Record<string, unknown>) =>
  Buffer.from(`${shape.resource}:${String(record[shape.key])}`).toString("base64url");

/**
 * One page of `records`, as the spec's list decision says: filtered, in the declared stable order, `limit` at a
 * time; `next` continues after the page (as `after`), `prev` before it (as `before`), each absent at its end. A
 * cursor that does not name a record of this list is refused.
 */
export function listPage(
  shape: ListShape,
  records: Record<string, unknown>[],
  body: { filter?: Record<string, unknown>; paging?: Paging },
): Page {
  const asked = body.paging ?? {};
  const limit = asked.limit ?? DEFAULT_LIMIT;
  const compare = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const field of shape.order) {
      const order = compareValues(a[field], b[field]);
      if (order !== 0) return order;
    }
    return 0;
  };
  // The record a cursor names: read from the cursor, not by encoding every record's cursor on each call. A cursor
  // is one this list issued only when it is exactly the encoding of "<resource>:<key>" of one of its records.
  const anchor = (side: "after" | "before") => {
    const cursor = asked[side];
    if (!cursor || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
    const text = Buffer.from(cursor, "base64url").toString("utf8");
    const prefix = `${shape.resource}:`;
    if (!text.startsWith(prefix)) return undefined;
    const id = text.slice(prefix.length);
    const record = records.find((candidate) => String(candidate[shape.key]) === id);
    return record !== undefined && cursorOf(shape, record) === cursor ? record : undefined;
  };
  const after = anchor("after");
  if (asked.after && after === undefined) return { badCursor: "after" };
  const before = anchor("before");
  if (asked.before && before === undefined) return { badCursor: "before" };

  const listed = records.filter(filterFor(shape, body.filter)).sort(compare);
  const window = listed.filter(
    (record) =>
      (after === undefined || compare(record, after) > 0) && (before === undefined || compare(record, before) < 0),
  );
  const page = before !== undefined && after === undefined ? window.slice(-limit) : window.slice(0, limit);
  const first = page[0];
  const last = page.at(-1);
  const paging: Paging = {
    ...(asked.after && { after: asked.after }),
    ...(asked.before && { before: asked.before }),
    limit,
  };
  if (last && compare(last, listed.at(-1) ?? last) < 0) paging.next = cursorOf(shape, last);
  if (first && compare(first, listed[0] ?? first) > 0) paging.prev = cursorOf(shape, first);
  return { items: page, paging };
}
