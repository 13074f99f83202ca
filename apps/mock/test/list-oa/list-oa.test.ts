import { describe, expect, it } from "vitest";
import { useMock } from "../use-mock.js";

/** 45 OAs, given out of order; the last five share one `created_at`, so `oa_id` decides their order. */
const oas: { oa_id: string; name: string; status: string; app_id: string; created_at: string }[] = Array.from(
  { length: 45 },
  (_, index) => ({
    oa_id: String(9_000 - index * 7),
    name: ["Tiệm Hoa Mai", "Cà Phê Đồng Xanh", "HOA LAN VIỆT"][index % 3] as string,
    status: "P",
    app_id: index % 2 ? "111" : "222",
    created_at: new Date(Date.UTC(2026, 0, 1 + Math.min(index, 40))).toISOString().replace(".000", ""),
  }),
);
const order = [...oas]
  .sort((a, b) => (a.created_at as string).localeCompare(b.created_at as string) || Number(a.oa_id) - Number(b.oa_id))
  .map((oa) => oa.oa_id);
const mock = useMock({ fixtures: { paging: { oa: [...oas].reverse() } } });
const list = (body: unknown) => mock.call("ListOA", body, { key: "paging" });
const ids = (accounts: { oa_id: string }[]) => accounts.map((oa) => oa.oa_id);

describe("ListOA paging", () => {
  it("pages 20 at a time by default, forward with next, in a stable order", async () => {
    const first = await list({});
    expect(first.body.paging).toEqual({ limit: 20, next: expect.any(String) });
    expect(ids(first.body.accounts)).toEqual(order.slice(0, 20));
    const second = await list({ paging: { after: first.body.paging.next } });
    expect(second.body.paging).toEqual({
      after: first.body.paging.next,
      limit: 20,
      next: expect.any(String),
      prev: expect.any(String),
    });
    expect(ids(second.body.accounts)).toEqual(order.slice(20, 40));
    const last = await list({ paging: { after: second.body.paging.next } });
    expect(ids(last.body.accounts)).toEqual(order.slice(40));
    expect(last.body.paging).not.toHaveProperty("next");
    expect(await list({})).toEqual(first);
  });

  it("pages backward with prev as before", async () => {
    const first = await list({ paging: { limit: 10 } });
    const second = await list({ paging: { limit: 10, after: first.body.paging.next } });
    const back = await list({ paging: { limit: 10, before: second.body.paging.prev } });
    expect(ids(back.body.accounts)).toEqual(order.slice(0, 10));
    expect(back.body.paging).not.toHaveProperty("prev");
    expect(back.body.paging.next).toBe(first.body.paging.next);
  });

  it("uses cursors shaped like the spec's example, which an empty string leaves out", async () => {
    const { body } = await list({ paging: { limit: 1 } });
    expect(Buffer.from(body.paging.next, "base64url").toString()).toBe(`oa:${order[0]}`);
    expect(await list({ paging: { limit: 1, after: "", before: "" } })).toEqual({
      status: 200,
      body: { accounts: body.accounts, paging: { limit: 1, next: body.paging.next } },
    });
  });

  it.each([
    [{ limit: 100 }, 45],
    [{ limit: 1 }, 1],
  ])("takes limit %j", async (paging, count) => {
    expect((await list({ paging })).body.accounts).toHaveLength(count);
  });

  it.each<[unknown, string]>([
    [{ limit: 101 }, "paging.limit: must be <= 100"],
    [{ limit: 0 }, "paging.limit: must be >= 1"],
    [{ after: "not a cursor" }, "paging.after: is not a cursor of this list"],
    [{ before: Buffer.from("oa:12x").toString("base64url") }, "paging.before: is not a cursor of this list"],
    [{ after: Buffer.from("oa:1").toString("base64url") }, "paging.after: is not a cursor of this list"],
  ])("refuses paging %j with 400 invalid_argument", async (paging, msg) => {
    expect(await list({ paging })).toEqual({ status: 400, body: { code: "invalid_argument", msg } });
  });
});

describe("ListOA filter", () => {
  const filtered = async (filter: object) => ids((await list({ filter, paging: { limit: 100 } })).body.accounts);

  it("matches name as a substring, ignoring case and Vietnamese diacritics, as users type", async () => {
    expect(await filtered({ name: "hoa" })).toEqual(
      order.filter((id) => /hoa/i.test(oas.find((oa) => oa.oa_id === id)?.name ?? "")),
    );
    expect(await filtered({ name: "đồng" })).toHaveLength(15);
    expect(await filtered({ name: "việt" })).toHaveLength(15);
    expect(await filtered({ name: "dong" })).toHaveLength(15);
    expect(await filtered({ name: "ca phe DONG" })).toHaveLength(15);
    expect(await filtered({ name: "hoa lan viet" })).toHaveLength(15);
    expect(await filtered({ name: "phở" })).toEqual([]);
  });

  it("matches oa_id and app_id exactly", async () => {
    expect(await filtered({ oa_id: "9000" })).toEqual(["9000"]);
    expect(await filtered({ app_id: "111" })).toHaveLength(22);
    expect(await filtered({ app_id: "111", oa_id: "9000" })).toEqual([]);
  });

  it("bounds created_at by date_from and date_to, both inclusive", async () => {
    const window = { date_from: "2026-01-02T00:00:00Z", date_to: "2026-01-04T00:00:00Z" };
    expect(await filtered(window)).toEqual(order.slice(1, 4));
  });

  it("pages within the filter", async () => {
    const first = await list({ filter: { app_id: "222" }, paging: { limit: 20 } });
    const rest = await list({ filter: { app_id: "222" }, paging: { limit: 20, after: first.body.paging.next } });
    expect([...ids(first.body.accounts), ...ids(rest.body.accounts)]).toEqual(await filtered({ app_id: "222" }));
    expect(rest.body.paging).not.toHaveProperty("next");
  });
});
