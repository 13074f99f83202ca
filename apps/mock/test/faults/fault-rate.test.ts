import { describe, expect, it } from "vitest";
import { createEngineCore, type EngineCore, type MockEngineOptions } from "../../src/engine/create-mock-engine.js";
import { ORIGIN } from "../engine.js";
import { AUTHORIZE_OA, validBody } from "../use-mock.js";

/** What an engine decides for one call with `key`, before any transport acts it out: a fault or a status. */
async function decide(core: EngineCore, key: string): Promise<string | number> {
  const answer = await core.answer(
    new Request(ORIGIN + AUTHORIZE_OA, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
      body: JSON.stringify(validBody),
    }),
  );
  if (answer instanceof Response) throw new Error("an API call answered as a file");
  return answer.fault ?? (answer.status === 503 ? "unavailable" : answer.status);
}

/** What a fresh engine decides for `count` calls with `key`. */
async function outcomes(options: MockEngineOptions, count = 60, key = "k") {
  const core = await createEngineCore(options);
  const seen: (string | number)[] = [];
  for (let index = 0; index < count; index++) seen.push(await decide(core, key));
  return seen;
}

describe("--fault-rate", () => {
  it("gives the same faults in the same order twice with the same seed (--fault-rate 0.3 --seed 1)", async () => {
    const first = await outcomes({ faultRate: 0.3, seed: 1 });
    expect(await outcomes({ faultRate: 0.3, seed: 1 })).toEqual(first);
    // Every kind is drawn, and most calls are answered: the sequence is not trivially the same.
    expect(new Set(first)).toEqual(new Set([200, "reset", "timeout", "truncated", "unavailable"]));
    expect(await outcomes({ faultRate: 0.3, seed: 2 })).not.toEqual(first);
  });

  it("draws per key, so another key's calls in between change nothing", async () => {
    const alone = await outcomes({ faultRate: 0.5, seed: 1 }, 20, "a");
    const core = await createEngineCore({ faultRate: 0.5, seed: 1 });
    const seen: unknown[] = [];
    for (let index = 0; index < 20; index++) {
      await decide(core, "b");
      seen.push(await decide(core, "a"));
    }
    expect(seen).toEqual(alone);
  });

  it("never faults at 0, always at 1", async () => {
    expect(new Set(await outcomes({ faultRate: 0 }, 20))).toEqual(new Set([200]));
    expect((await outcomes({ faultRate: 1 }, 20)).includes(200)).toBe(false);
  });
});
