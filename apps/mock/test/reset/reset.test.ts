import { describe, expect, it } from "vitest";
import { connectThroughConsent } from "../flow.js";
import { errorOf, expectJson, useMock, validBody } from "../use-mock.js";

const fixture = { oa_id: "77", name: "Cửa Hàng Fixture", status: "P" };
const mock = useMock({ fixtures: { "fixture-key": { oa: [fixture] } } });

/** What the test key and the fixture key have, and whether the test key's link still opens. */
async function snapshot(link: string) {
  return {
    own: (await mock.call("ListOA", {})).body.accounts.length,
    fixture: (await mock.call("ListOA", {}, { key: "fixture-key" })).body.accounts.map(
      (oa: { oa_id: string }) => oa.oa_id,
    ),
    link: (await fetch(link)).status,
  };
}

/** Both keys with one OA connected through consent, and a pending link of the test key. */
async function connectBoth(): Promise<string> {
  await connectThroughConsent(mock);
  await connectThroughConsent(mock, { key: "fixture-key" });
  const link = (await mock.call("AuthorizeOA", validBody)).body.url;
  expect(await snapshot(link)).toEqual({ own: 1, fixture: ["77", "4321098765432109876"], link: 200 });
  return link;
}

const reset = (headers: Record<string, string>, body = "{}") =>
  fetch(`${mock.url}/__reset`, { method: "POST", headers, body });

describe("reset", () => {
  it("POST /__reset with a Bearer key forgets that key only, back to its fixtures", async () => {
    await connectBoth();
    const response = await reset({ "Content-Type": "application/json", Authorization: "Bearer fixture-key" });
    expect(response.status).toBe(200);
    expectJson(response);
    expect(await response.json()).toEqual({ status: "reset", scope: "key" });
    expect(
      (await mock.call("ListOA", {}, { key: "fixture-key" })).body.accounts.map((oa: { oa_id: string }) => oa.oa_id),
    ).toEqual(["77"]);
    expect((await mock.call("ListOA", {})).body.accounts).toHaveLength(1);
    mock.reset();
  });

  it('POST /__reset with {"all": true} forgets every key and link, back to the fixtures', async () => {
    const link = await connectBoth();
    const response = await reset({ "Content-Type": "application/json" }, '{"all": true}');
    expect(await response.json()).toEqual({ status: "reset", scope: "all" });
    expect(await snapshot(link)).toEqual({ own: 0, fixture: ["77"], link: 400 });
  });

  it("gives a key forgotten by a reset codes and links it never had before", async () => {
    const before = (await mock.call("AuthorizeOA", validBody)).body.url;
    await reset({ "Content-Type": "application/json", Authorization: "Bearer test-key" });
    const after = (await mock.call("AuthorizeOA", validBody)).body.url;
    expect(new URL(after).searchParams.get("state")).not.toBe(new URL(before).searchParams.get("state"));
    expect((await fetch(before)).status).toBe(400);
  });

  it("cannot be sent by a page on another site: a simple text/plain POST is refused, and no preflight is granted", async () => {
    await connectThroughConsent(mock);
    const simple = await reset({ "Content-Type": "text/plain", Origin: "https://evil.example" }, '{"all": true}');
    expect(await errorOf(simple)).toEqual({
      status: 400,
      code: "invalid_argument",
      msg: 'Content-Type: must be application/json (send {} with a Bearer key to reset that key, or {"all": true})',
    });
    const preflight = await fetch(`${mock.url}/__reset`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
    expect((await mock.call("ListOA", {})).body.accounts).toHaveLength(1);
    mock.reset();
  });

  it("says what to send without a key, and refuses what it does not take", async () => {
    expect(await errorOf(await reset({ "Content-Type": "application/json" }))).toEqual({
      status: 401,
      code: "unauthenticated",
      msg: 'missing Authorization header: send the key to reset, or {"all": true}',
    });
    expect((await errorOf(await reset({ "Content-Type": "application/json" }, '{"every": true}'))).msg).toBe(
      'every: is not a known field (only "all")',
    );
    expect((await errorOf(await reset({ "Content-Type": "application/json" }, '{"all": "yes"}'))).msg).toBe(
      "all: must be true or false",
    );
  });

  it("reset(key) and reset() on the running mock do the same", async () => {
    const link = await connectBoth();
    mock.reset("fixture-key");
    expect(await snapshot(link)).toEqual({ own: 1, fixture: ["77"], link: 200 });
    mock.reset();
    expect(await snapshot(link)).toEqual({ own: 0, fixture: ["77"], link: 400 });
  });

  it("is only POST", async () => {
    const response = await fetch(`${mock.url}/__reset`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: "bad_route", msg: "no handler for path /__reset" });
  });
});
