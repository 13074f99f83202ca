import { describe, expect, it } from "vitest";
import { createMockEngine, LIMITS } from "../../src/index.js";
import { engineCall, engineConsent } from "../engine.js";
import { connectBodyOf } from "../flow.js";
import { validBody } from "../use-mock.js";

describe("the state's caps", () => {
  it("are the documented numbers", () => {
    expect(LIMITS).toEqual({ keys: 10_000, bytes: 64 * 1024 * 1024, codesPerKey: 100, links: 10_000 });
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

  it("give a key made again after the LRU forgot it a sequence it never had: no link or code comes back", async () => {
    const engine = await createMockEngine({ seed: 1 });
    const before = (await engineCall(engine, "AuthorizeOA", validBody, "oldest")).body.url as string;
    for (let index = 0; index < LIMITS.keys; index++) await engineCall(engine, "ListOA", {}, `load-${index}`);
    const after = (await engineCall(engine, "AuthorizeOA", validBody, "oldest")).body.url as string;
    const stateOf = (url: string) => new URL(url).searchParams.get("state");
    expect(stateOf(after)).not.toBe(stateOf(before));
    expect(await (await engine.handle(new Request(before))).text()).toContain("state: no consent link has this state");
  });

  it("refuse a redirect_uri over 2,048 characters, so a key's links cannot hold megabytes", async () => {
    const engine = await createMockEngine();
    const redirect_uri = `https://shop.example.com/cb?${"a".repeat(1000 * 1000)}`;
    expect(await engineCall(engine, "AuthorizeOA", { ...validBody, redirect_uri })).toEqual({
      status: 400,
      body: { code: "invalid_argument", msg: "redirect_uri: must NOT have more than 2048 characters" },
    });
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

  it("refuse to connect more than the OA resource's 1000 OAs to one key", async () => {
    const full = Array.from({ length: 1000 }, (_, index) => ({
      oa_id: String(index),
      name: "OA",
      status: "P",
    }));
    const engine = await createMockEngine({ fixtures: { "test-key": { oa: full } } });
    const link = (await engineCall(engine, "AuthorizeOA", validBody)).body.url as string;
    expect(await engineCall(engine, "ConnectOA", connectBodyOf(await engineConsent(engine, link)))).toEqual({
      status: 400,
      body: { code: "invalid_argument", msg: "oa: this key already has 1000 of them, the mock's limit" },
    });
  });
});
