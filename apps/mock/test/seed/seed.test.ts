import { describe, expect, it } from "vitest";
import { createMockEngine, type MockEngine } from "../../src/index.js";
import { engineCall, engineConsent } from "../engine.js";
import { connectBodyOf } from "../flow.js";
import { validBody } from "../use-mock.js";

/** What one key sees in the flow: its two consent links, its code, and the connection made with it. */
async function session(engine: MockEngine, key: string) {
  const first = (await engineCall(engine, "AuthorizeOA", validBody, key)).body.url as string;
  const second = (await engineCall(engine, "AuthorizeOA", validBody, key)).body.url as string;
  const callback = await engineConsent(engine, first, { oa_id: "5772156649015328606" });
  const connected = await engineCall(engine, "ConnectOA", connectBodyOf(callback), key);
  return { first, second, callback, connection: connected.body.connection_id, shop: connected.body.shop_id };
}

describe("--seed", () => {
  it("gives a fresh mock the same ids, codes and states for the same requests", async () => {
    const [a, b] = await Promise.all([createMockEngine({ seed: 7 }), createMockEngine({ seed: 7 })]);
    expect(await session(a, "k")).toEqual(await session(b, "k"));
  });

  it("gives another sequence with another seed, and the same shop_id for the same key", async () => {
    const seven = await session(await createMockEngine({ seed: 7 }), "k");
    const eight = await session(await createMockEngine({ seed: 8 }), "k");
    expect(eight.first).not.toBe(seven.first);
    expect(eight.callback).not.toBe(seven.callback);
    expect(eight.connection).not.toBe(seven.connection);
    expect(eight.shop).toBe(seven.shop);
  });

  it("keeps each key's sequence its own, whatever other keys do in between", async () => {
    const alone = await createMockEngine({ seed: 3 });
    const crowded = await createMockEngine({ seed: 3 });
    const expected = await session(alone, "b");
    const [, got] = await Promise.all([session(crowded, "a"), session(crowded, "b"), session(crowded, "c")]);
    expect(got).toEqual(expected);
  });

  it("starts the sequence over after a reset", async () => {
    const engine = await createMockEngine({ seed: 5 });
    const before = await session(engine, "k");
    engine.reset();
    expect(await session(engine, "k")).toEqual(before);
  });

  it("is 0 by default", async () => {
    expect(await session(await createMockEngine(), "k")).toEqual(
      await session(await createMockEngine({ seed: 0 }), "k"),
    );
  });
});
