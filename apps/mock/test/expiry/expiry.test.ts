import { beforeEach, describe, expect, it } from "vitest";
import { createMockEngine, type MockEngine } from "../../src/index.js";
import { engineCall, engineConsent } from "../engine.js";
import { connectBodyOf } from "../flow.js";
import { validBody } from "../use-mock.js";

const MINUTE = 60_000;
const start = Date.UTC(2026, 10, 2, 8, 15, 30);
let now = start;
let engine: MockEngine;

beforeEach(async () => {
  now = start;
  engine = await createMockEngine({ now: () => now });
});

const newLink = async () => (await engineCall(engine, "AuthorizeOA", validBody)).body.url as string;

describe("with the mock's clock", () => {
  it("a consent link lasts 10 minutes", async () => {
    const url = await newLink();
    now += 10 * MINUTE - 1;
    expect((await engine.handle(new Request(url))).status).toBe(200);
    now += 1;
    const expired = await engine.handle(new Request(url));
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain("state: this consent link has expired (links last 10 minutes)");
    await expect(engineConsent(engine, url)).rejects.toThrow("has expired");
  });

  it("a code lasts 10 minutes after the consent", async () => {
    now += 9 * MINUTE;
    const callback = await engineConsent(engine, await newLink());
    now += 10 * MINUTE;
    expect((await engineCall(engine, "ConnectOA", connectBodyOf(callback))).body.msg).toBe(
      "code: is invalid, expired or already used",
    );
  });

  it("times an OA's connection, and a renewal moves expires_at and updated_at only", async () => {
    const connected = await engineCall(
      engine,
      "ConnectOA",
      connectBodyOf(await engineConsent(engine, await newLink())),
    );
    expect(connected.body).toMatchObject({
      created_at: "2026-11-02T08:15:30Z",
      updated_at: "2026-11-02T08:15:30Z",
      expires_at: "2027-02-02T08:15:30Z",
    });
    now = Date.UTC(2027, 0, 20, 12, 0, 0);
    const { oa_id } = connected.body;
    const refreshed = await engineCall(engine, "RefreshToken", { oa_id });
    const renewed = await engineCall(
      engine,
      "ConnectOA",
      connectBodyOf(await engineConsent(engine, refreshed.body.url)),
    );
    expect(renewed.body).toEqual({
      ...connected.body,
      updated_at: "2027-01-20T12:00:00Z",
      expires_at: "2027-04-20T12:00:00Z",
    });
  });

  it("stamps updated_at when the webhook changes", async () => {
    const { body } = await engineCall(engine, "ConnectOA", connectBodyOf(await engineConsent(engine, await newLink())));
    now += 90 * MINUTE;
    const updated = await engineCall(engine, "UpdateShopOA", { oa_id: body.oa_id, webhook_url: "https://x.example/h" });
    expect(updated.body).toMatchObject({ created_at: body.created_at, updated_at: "2026-11-02T09:45:30Z" });
  });
});
