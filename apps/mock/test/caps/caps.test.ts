import { describe, expect, it } from "vitest";
import { createMockEngine, LIMITS } from "../../src/index.js";
import { engineCall, engineConsent } from "../engine.js";
import { connectBodyOf } from "../flow.js";
import { validBody } from "../use-mock.js";

describe("the state's caps", () => {
  it("are the documented numbers", () => {
    expect(LIMITS).toEqual({ keys: 10_000, oasPerKey: 1_000, codesPerKey: 100, links: 10_000 });
  });

  it(`forget the least recently used key past ${LIMITS.keys} keys, with its OAs and links`, async () => {
    const engine = await createMockEngine();
    const link = (await engineCall(engine, "AuthorizeOA", validBody, "oldest")).body.url as string;
    await engineCall(engine, "ConnectOA", connectBodyOf(await engineConsent(engine, link)), "oldest");
    const kept = (await engineCall(engine, "AuthorizeOA", validBody, "recent")).body.url as string;
    const pending = (await engineCall(engine, "AuthorizeOA", validBody, "oldest")).body.url as string;
    for (let index = 0; index < LIMITS.keys - 2; index++) await engineCall(engine, "ListOA", {}, `load-${index}`);
    await engineCall(engine, "ListOA", {}, "recent");
    await engineCall(engine, "ListOA", {}, "one-more");
    expect((await engineCall(engine, "ListOA", {}, "oldest")).body.accounts).toEqual([]);
    expect(await (await engine.handle(new Request(pending))).text()).toContain("state: no consent link has this state");
    expect((await engine.handle(new Request(kept))).status).toBe(200);
  });

  it(`forget the oldest link past ${LIMITS.links} links`, async () => {
    const engine = await createMockEngine();
    const first = (await engineCall(engine, "AuthorizeOA", validBody)).body.url as string;
    for (let index = 0; index < LIMITS.links; index++) await engineCall(engine, "AuthorizeOA", validBody);
    expect((await engine.handle(new Request(first))).status).toBe(400);
  });

  it(`forget a key's oldest unused code past ${LIMITS.codesPerKey} codes`, async () => {
    const engine = await createMockEngine();
    const codes = [];
    for (let index = 0; index <= LIMITS.codesPerKey; index++) {
      const link = (await engineCall(engine, "AuthorizeOA", validBody)).body.url as string;
      codes.push(connectBodyOf(await engineConsent(engine, link)));
    }
    expect((await engineCall(engine, "ConnectOA", codes[0])).body.msg).toBe(
      "code: is invalid, expired or already used",
    );
    expect((await engineCall(engine, "ConnectOA", codes[1])).status).toBe(200);
  });

  it(`refuse to connect more than ${LIMITS.oasPerKey} OAs to one key`, async () => {
    const full = Array.from({ length: LIMITS.oasPerKey }, (_, index) => ({
      oa_id: String(index),
      name: "OA",
      status: "P",
    }));
    const engine = await createMockEngine({ fixtures: { "test-key": full } });
    const link = (await engineCall(engine, "AuthorizeOA", validBody)).body.url as string;
    expect(await engineCall(engine, "ConnectOA", connectBodyOf(await engineConsent(engine, link)))).toEqual({
      status: 400,
      body: { code: "invalid_argument", msg: "oa_id: this key already has 1000 connected OAs, the mock's limit" },
    });
  });
});
