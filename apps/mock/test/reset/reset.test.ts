import { describe, expect, it } from "vitest";
import { connectThroughConsent } from "../flow.js";
import { expectJson, useMock, validBody } from "../use-mock.js";

const fixture = { oa_id: "77", name: "Cửa Hàng Fixture", status: "P" };
const mock = useMock({ fixtures: { "fixture-key": [fixture] } });

/** What the test key and the fixture key have, and whether a link still opens. */
async function snapshot(link: string) {
  return {
    own: (await mock.call("ListOA", {})).body.accounts.length,
    fixture: (await mock.call("ListOA", {}, { key: "fixture-key" })).body.accounts.map(
      (oa: { oa_id: string }) => oa.oa_id,
    ),
    link: (await fetch(link)).status,
  };
}

describe("reset", () => {
  it("POST /__reset forgets every key's OAs and links, back to the fixtures, without a key", async () => {
    await connectThroughConsent(mock);
    await connectThroughConsent(mock, { key: "fixture-key" });
    const link = (await mock.call("AuthorizeOA", validBody)).body.url;
    expect(await snapshot(link)).toEqual({ own: 1, fixture: ["77", "4321098765432109876"], link: 200 });
    const response = await fetch(`${mock.url}/__reset`, { method: "POST" });
    expect(response.status).toBe(200);
    expectJson(response);
    expect(await response.json()).toEqual({ status: "reset" });
    expect(await snapshot(link)).toEqual({ own: 0, fixture: ["77"], link: 400 });
  });

  it("reset() on the running mock does the same", async () => {
    await connectThroughConsent(mock);
    const link = (await mock.call("AuthorizeOA", validBody)).body.url;
    mock.reset();
    expect(await snapshot(link)).toEqual({ own: 0, fixture: ["77"], link: 400 });
  });

  it("is only POST", async () => {
    const response = await fetch(`${mock.url}/__reset`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: "bad_route", msg: "no handler for path /__reset" });
  });
});
