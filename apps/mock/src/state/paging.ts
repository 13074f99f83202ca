import type { KeyState } from "./mock-state.js";
import type { ListOARequest, ListOAResponse, PageInfo, ShopOA } from "./schemas.js";

/** `limit` when a request gives none (the spec's ListOA decision; the schema caps it at 100). */
export const DEFAULT_LIMIT = 20;

/** A cursor names the OA a page ends (or starts) at, as the spec's example does: base64url("oa:<oa_id>"). */
const cursorOf = (oa: ShopOA) => Buffer.from(`oa:${oa.oa_id}`).toString("base64url");

/** Where an OA sits in the stable order: by `created_at`, then `oa_id`. */
type Position = [time: number, id: bigint, text: string];
const positionOf = (oa: ShopOA): Position => [Date.parse(oa.created_at ?? "") || 0, BigInt(oa.oa_id), oa.oa_id];
function compare(a: Position, b: Position): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0;
}

/** The position a cursor points at, or the `msg` of the 400 it deserves. */
function decode(keyState: KeyState, field: string, cursor: string): Position | string {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("latin1") : "";
  const oaId = /^oa:([0-9]{1,19})$/.exec(text)?.[1];
  // A well-formed cursor whose OA this key never connected was not issued by this list either (the spec's
  // ListOA examples `invalid_after_cursor` and `invalid_before_cursor`).
  const oa =
    oaId === undefined || Buffer.from(text).toString("base64url") !== cursor ? undefined : keyState.oas.get(oaId)?.oa;
  return oa ? positionOf(oa) : `${field}: is not a cursor of this list`;
}

/** Whether an OA passes the filter: every given field must match (`name` as a case-insensitive substring). */
function matches(oa: ShopOA, filter: ListOARequest["filter"] = {}): boolean {
  const created = Date.parse(oa.created_at ?? "");
  const lower = (text: string) => text.normalize("NFC").toLocaleLowerCase("vi");
  return (
    (filter.oa_id === undefined || oa.oa_id === filter.oa_id) &&
    (filter.app_id === undefined || oa.app_id === filter.app_id) &&
    (filter.name === undefined || lower(oa.name).includes(lower(filter.name))) &&
    (filter.date_from === undefined || created >= Date.parse(filter.date_from)) &&
    (filter.date_to === undefined || created <= Date.parse(filter.date_to))
  );
}

/**
 * One page of the key's connected OAs, as the spec's ListOA decides: filtered, in a stable order, `limit` at a
 * time; `next` continues after the page (as `after`), `prev` before it (as `before`), each absent at its end.
 * Returns the `msg` of a 400 for a cursor this mock did not issue.
 */
export function listPage(keyState: KeyState, { filter, paging: asked }: ListOARequest): ListOAResponse | string {
  const paging: Partial<NonNullable<ListOARequest["paging"]>> = asked ?? {};
  const limit = paging.limit ?? DEFAULT_LIMIT;
  const after = paging.after ? decode(keyState, "paging.after", paging.after) : undefined;
  if (typeof after === "string") return after;
  const before = paging.before ? decode(keyState, "paging.before", paging.before) : undefined;
  if (typeof before === "string") return before;
  const listed = [...keyState.oas.values()]
    .map(({ oa }) => ({ oa, position: positionOf(oa) }))
    .filter(({ oa }) => matches(oa, filter))
    .sort((a, b) => compare(a.position, b.position));
  const window = listed.filter(
    ({ position }) =>
      (after === undefined || compare(position, after) > 0) && (before === undefined || compare(position, before) < 0),
  );
  const page = before !== undefined && after === undefined ? window.slice(-limit) : window.slice(0, limit);
  const first = page[0];
  const last = page.at(-1);
  const info: PageInfo = {
    ...(paging.after && { after: paging.after }),
    ...(paging.before && { before: paging.before }),
    limit,
  };
  if (last && compare(last.position, (listed.at(-1) ?? last).position) < 0) info.next = cursorOf(last.oa);
  if (first && compare(first.position, (listed[0] ?? first).position) > 0) info.prev = cursorOf(first.oa);
  return { accounts: page.map(({ oa }) => oa), paging: info };
}
