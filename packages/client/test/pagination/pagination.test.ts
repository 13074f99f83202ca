import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createZaloCloudClient,
  EtelecomApiError,
  EtelecomInputError,
  EtelecomInvalidResponseError,
  type ListOAItem,
  type ListOperationName,
  type OperationItem,
  type OperationResult,
  type ZaloCloudClient,
} from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";
import { fieldsOf, methods, rejection, requestExample, successExample } from "../spec-examples.js";

/** Every cursor list of the table, with the name of its items' array. */
const lists = methods.flatMap(([name, { list }]) => (list === null ? [] : [[name, list.items] as const]));

it("finds the cursor lists by their shape", () => {
  expect(lists).toContainEqual(["listOA", "accounts"]);
  for (const [name, { list }] of methods) {
    if (list === null) expect(createZaloCloudClient({ apiKey: "k", scope: "shop" })[name]).not.toHaveProperty("all");
  }
});

/** Drains an async iterable. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

describe.each(lists)("%s.all", (name, items) => {
  const item = (id: number) => ({
    ...(successExample(name)[items] as object[])[0],
    oa_id: String(id),
    name: `OA ${id}`,
  });

  /**
   * A server of `pageCount` pages of `perPage` items; page n is asked for with `after: "c<n>"` and points to the
   * next with `next`, as `cursorOf` says (by default `c<n+1>`, and none after the last page).
   */
  function server(
    pageCount: number,
    perPage = 2,
    cursorOf = (n: number) => (n < pageCount - 1 ? `c${n + 1}` : undefined),
  ) {
    const fake = fakeFetch(async (request) => {
      const body = (await request.json()) as { paging?: { after?: string } };
      const n = body.paging?.after === undefined ? 0 : Number(body.paging.after.slice(1));
      const next = cursorOf(n);
      return json(200, {
        [items]: Array.from({ length: perPage }, (_, i) => item(n * perPage + i)),
        paging: { limit: perPage, ...(next === undefined ? {} : { next }) },
      });
    });
    const zalo = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch });
    const list = zalo[name as ListOperationName] as unknown as { all: (...args: unknown[]) => AsyncIterable<unknown> };
    return { fake, all: list.all, sent: () => fake.calls.map(({ body }) => JSON.parse(body) as unknown) };
  }

  it("yields every item of every page, sending each page's next as paging.after with the caller's filter and limit", async () => {
    const { all, sent } = server(3);
    // The list's documented filter, its int64 fields given as bigints: each page must send them as the spec's strings.
    const sentFilter = requestExample(name).filter as Record<string, unknown>;
    const filter = { ...sentFilter };
    for (const [, , path] of fieldsOf("int64").filter(
      ([method, , field]) => method === name && field[0] === "filter",
    )) {
      const field = path[1] as string;
      if (typeof filter[field] === "string") filter[field] = BigInt(filter[field] as string);
    }
    expect(Object.values(filter).some((value) => typeof value === "bigint")).toBe(true);
    const got = await collect(all({ filter, paging: { limit: 2 } }));
    expect(got.map((oa) => (oa as { oa_id: string }).oa_id)).toEqual(["0", "1", "2", "3", "4", "5"]);
    expect(sent()).toEqual([
      { filter: sentFilter, paging: { limit: 2 } },
      { filter: sentFilter, paging: { limit: 2, after: "c1" } },
      { filter: sentFilter, paging: { limit: 2, after: "c2" } },
    ]);
  });

  it("reads from the body's first page when called with no body, and stops when next is empty", async () => {
    const { all, sent } = server(2, 1, (n) => (n === 0 ? "c1" : ""));
    expect(await collect(all())).toHaveLength(2);
    expect(sent()).toEqual([{}, { paging: { after: "c1" } }]);
  });

  it("stops after max items, without asking for a page it does not need", async () => {
    const { all, fake } = server(5, 2);
    expect(await collect(all({}, { max: 3 }))).toHaveLength(3);
    expect(fake.calls).toHaveLength(2);
  });

  it.each([
    [0, RangeError],
    [-1, RangeError],
    [1.5, RangeError],
    [Number.NaN, RangeError],
    [Number.POSITIVE_INFINITY, RangeError],
    ["3", TypeError],
  ])("refuses max and maxPages %s before any request", (value, kind) => {
    const { all, fake } = server(1);
    for (const name of ["max", "maxPages"]) {
      expect(() => all({}, { [name]: value })).toThrow(kind);
      expect(() => all({}, { [name]: value })).toThrow(new RegExp(`^${name} must be`));
    }
    expect(fake.calls).toHaveLength(0);
  });

  it("rejects with the caller's reason when the signal aborts between pages", async () => {
    const { all, fake } = server(3);
    const controller = new AbortController();
    const reason = new Error("the user left");
    const got: unknown[] = [];
    const outcome = await rejection(
      (async () => {
        for await (const oa of all({}, { signal: controller.signal })) {
          got.push(oa);
          controller.abort(reason);
        }
      })(),
    );
    expect(outcome).toBe(reason);
    expect(fake.calls).toHaveLength(1);
    expect(got).toHaveLength(2);
  });

  it("refuses a list that has not ended after maxPages pages, such as empty pages each with a new next", async () => {
    const { all, fake } = server(Number.POSITIVE_INFINITY, 0);
    const error = await rejection(collect(all({}, { maxPages: 5 })));
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(error).toMatchObject({
      status: 200,
      message: expect.stringContaining("not ended after 5 pages (maxPages)"),
    });
    expect(fake.calls).toHaveLength(5);
  });

  it("reads at most 1000 pages by default", async () => {
    const { all, fake } = server(Number.POSITIVE_INFINITY, 0);
    expect(await rejection(collect(all()))).toMatchObject({ message: expect.stringContaining("after 1000 pages") });
    expect(fake.calls).toHaveLength(1000);
  });

  it("reads a list of exactly maxPages pages to its end", async () => {
    const { all } = server(3, 2);
    expect(await collect(all({}, { maxPages: 3 }))).toHaveLength(6);
  });

  it("refuses a server that sends the same next twice, rather than loop forever", async () => {
    const { all, fake } = server(10, 1, (n) => (n === 0 ? "c1" : n === 1 ? "c2" : "c1"));
    const error = await rejection(collect(all()));
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(error).toMatchObject({
      status: 200,
      message: expect.stringContaining('paging.next it already sent ("c1")'),
    });
    expect(fake.calls).toHaveLength(3);
  });

  it("refuses a next that is the cursor the caller started from", async () => {
    const { all } = server(10, 1, () => "c4");
    expect(await rejection(collect(all({ paging: { after: "c4" } })))).toBeInstanceOf(EtelecomInvalidResponseError);
  });

  it("passes on a page's error and an input error as they are", async () => {
    const failing = fakeFetch(() =>
      json(400, { code: "invalid_argument", msg: "paging.after: is not a cursor of this list" }),
    );
    const zalo = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: failing.fetch });
    const list = zalo[name as ListOperationName] as unknown as { all: (...args: unknown[]) => AsyncIterable<unknown> };
    expect(await rejection(collect(list.all({ paging: { after: "x" } })))).toBeInstanceOf(EtelecomApiError);
    expect(await rejection(collect(list.all("not an object")))).toBeInstanceOf(EtelecomInputError);
    expect(await rejection(collect(list.all({ filter: { oa_id: 1 } })))).toMatchObject({ field: "filter.oa_id" });
  });
});

it("types .all's items as the items of the generated 200 body", async () => {
  expectTypeOf<ListOAItem>().toEqualTypeOf<OperationItem<"listOA">>();
  expectTypeOf<OperationItem<"listOA">>().toEqualTypeOf<OperationResult<"listOA">["accounts"][number]>();
  expectTypeOf<ReturnType<ZaloCloudClient["listOA"]["all"]>>().toEqualTypeOf<AsyncIterable<ListOAItem>>();
  expectTypeOf<ZaloCloudClient["connectOA"]>().not.toHaveProperty("all");
});
