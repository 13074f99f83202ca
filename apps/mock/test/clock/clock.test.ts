import { describe, expect, it } from "vitest";
import { consentFor } from "../flow.js";
import { errorOf, useMock } from "../use-mock.js";

// POST /__clock moves the mock's time for everything that expires or progresses, so tests never sleep.
const start = Date.parse("2026-12-01T08:00:00Z");
const mock = useMock({ now: () => start });

const clock = (body: unknown, contentType = "application/json") =>
  mock.post("/__clock", { body, headers: { "Content-Type": contentType } });

describe("/__clock", () => {
  it("answers the mock's time, and moves it forward by advance_ms", async () => {
    const read = await fetch(`${mock.url}/__clock`);
    expect(await read.json()).toEqual({ now: "2026-12-01T08:00:00Z", advanced_ms: 0 });
    const moved = await clock({ advance_ms: 90_000 });
    expect(moved.status).toBe(200);
    expect(await moved.json()).toEqual({ now: "2026-12-01T08:01:30Z", advanced_ms: 90_000 });
  });

  it("expires a consent code when moved past its 10 minutes", async () => {
    const { connectBody } = await consentFor(mock, { key: "clock-code" });
    await clock({ advance_ms: 10 * 60_000 });
    const connect = await mock.call("ConnectOA", connectBody, { key: "clock-code" });
    expect(connect).toMatchObject({ status: 400, body: { msg: "code: is invalid, expired or already used" } });
  });

  it.each([
    [{ advance_ms: -1 }, "advance_ms: must be a whole number of milliseconds from 0 to 31622400000"],
    [{ advance_ms: 1.5 }, "advance_ms: must be a whole number of milliseconds from 0 to 31622400000"],
    [{ advance_ms: 31_622_400_001 }, "advance_ms: must be a whole number of milliseconds from 0 to 31622400000"],
    [{}, "advance_ms: must be a whole number of milliseconds from 0 to 31622400000"],
    [{ advance_ms: 1, back: true }, 'back: is not a known field (only "advance_ms")'],
    [[1], "body: must be an object"],
  ])("refuses %j with 400 naming what is wrong, leaving the clock where it was", async (body, msg) => {
    const before = await (await fetch(`${mock.url}/__clock`)).json();
    expect(await errorOf(await clock(body))).toEqual({ status: 400, code: "invalid_argument", msg });
    expect(await (await fetch(`${mock.url}/__clock`)).json()).toEqual(before);
  });

  it("takes JSON only, so that a form on another site cannot move it", async () => {
    const refused = await clock('{"advance_ms": 1}', "text/plain");
    expect(refused.status).toBe(400);
  });

  it('rewinds with POST /__reset {"all": true}, as a fresh mock', async () => {
    await clock({ advance_ms: 1000 });
    await mock.post("/__reset", { body: { all: true } });
    expect(await (await fetch(`${mock.url}/__clock`)).json()).toEqual({ now: "2026-12-01T08:00:00Z", advanced_ms: 0 });
  });
});
