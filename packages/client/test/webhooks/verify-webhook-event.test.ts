import { createHash } from "node:crypto";
import { deref, loadSpec } from "@etelecom-zalo/openapi";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type components,
  EtelecomError,
  EtelecomInputError,
  EtelecomWebhookError,
  isEtelecomWebhookError,
  verifyWebhookEvent,
  type WebhookErrorReason,
  type ZaloEvent,
  type ZaloEventName,
} from "../../src/index.js";
import { rejection } from "../spec-examples.js";

const oaSecretKey = "oa-secret-Hoa-Mai";
const MINUTE = 60_000;

interface Webhook {
  post: {
    parameters?: { name: string }[];
    requestBody: { content: { "application/json": { examples: Record<string, { value: unknown }> } } };
  };
}

/**
 * Each of Zalo's webhooks in the spec (those signed with `X-ZEvent-Signature`, not eTelecom's own unsigned
 * `zl_oa_message`) with its first named example, as Zalo would post it: [event_name, body].
 */
const spec = loadSpec();
const zaloWebhooks = Object.entries(spec.webhooks as Record<string, Webhook>).filter(([, webhook]) =>
  webhook.post.parameters?.some((parameter) => parameter.name === "X-ZEvent-Signature"),
);
const events = zaloWebhooks.map(([name, webhook]) => {
  const [example] = Object.values(webhook.post.requestBody.content["application/json"].examples);
  if (example === undefined) throw new Error(`the spec's ${name} webhook has no example`);
  return [name, deref(spec, example).value as Record<string, unknown>] as const;
});

/** Zalo's signature of `body`, computed here with node:crypto, independently of the code under test. */
function sign(body: string, { appId = "1234567890123456789", timestamp = "", key = oaSecretKey } = {}) {
  return `mac=${createHash("sha256").update(`${appId}${body}${timestamp}${key}`).digest("hex")}`;
}

/** A request as Zalo would send it: `event` as JSON, stamped `timestamp`, signed with `key`. */
function posted(event: Record<string, unknown>, { timestamp = String(Date.now()), key = oaSecretKey } = {}) {
  const body = JSON.stringify({ ...event, timestamp });
  const signature = sign(body, { appId: String(event.app_id), timestamp, key });
  return { body, headers: { "x-zevent-signature": signature } as Record<string, string> };
}

const [, textEvent] = events.find(([name]) => name === "user_send_text") ?? [];

/** The EtelecomWebhookError that verifying `request` rejects with. */
async function refusal(
  request: Parameters<typeof verifyWebhookEvent>[0],
  options: Parameters<typeof verifyWebhookEvent>[1] = { oaSecretKey },
) {
  const error = await rejection(verifyWebhookEvent(request, options));
  expect(error).toBeInstanceOf(EtelecomWebhookError);
  return error as EtelecomWebhookError;
}

describe("verifyWebhookEvent", () => {
  it("covers every event of the spec", () => {
    expect(events.map(([name]) => name)).toEqual(
      expect.arrayContaining(["user_send_text", "follow", "user_received_message"]),
    );
    expect(textEvent).toBeDefined();
  });

  it.each(events)("resolves a signed %s to the event as sent", async (_, event) => {
    const request = posted(event);
    await expect(verifyWebhookEvent(request, { oaSecretKey })).resolves.toEqual(JSON.parse(request.body));
  });

  it("types the event by its event_name, from the spec's types", async () => {
    const event = await verifyWebhookEvent(posted(textEvent ?? {}), { oaSecretKey });
    expectTypeOf(event).toEqualTypeOf<ZaloEvent>();
    expectTypeOf<ZaloEvent>().toEqualTypeOf<components["schemas"]["ZaloEvent"]>();
    expectTypeOf<ZaloEventName>().toEqualTypeOf<
      | "user_send_text"
      | "user_send_image"
      | "user_send_sticker"
      | "follow"
      | "unfollow"
      | "user_received_message"
      | "user_seen_message"
    >();
    if (event.event_name !== "user_send_text") throw new Error(`expected user_send_text, got ${event.event_name}`);
    expectTypeOf(event.message.text).toEqualTypeOf<string>();
    expect(event.message.text).toBe("Shop còn hoa hồng đỏ không ạ?");
    // Each event_name narrows the union to its own body.
    expectTypeOf<
      Extract<ZaloEvent, { event_name: "user_received_message" }>["message"]["delivery_time"]
    >().toEqualTypeOf<string>();
    expectTypeOf<Extract<ZaloEvent, { event_name: "follow" }>>().not.toHaveProperty("message");
  });

  it.each([
    ["a Uint8Array (Express's raw Buffer)", (body: string) => new TextEncoder().encode(body)],
    ["an ArrayBuffer (a Request's arrayBuffer())", (body: string) => new TextEncoder().encode(body).buffer],
    ["a Node Buffer", (body: string) => Buffer.from(body)],
  ])("verifies the body as %s, over its raw bytes", async (_, toBytes) => {
    const request = posted(textEvent ?? {});
    await expect(verifyWebhookEvent({ ...request, body: toBytes(request.body) }, { oaSecretKey })).resolves.toEqual(
      JSON.parse(request.body),
    );
  });

  it("verifies the bytes as sent, not a re-serialised copy (spacing, key order, escapes)", async () => {
    const timestamp = String(Date.now());
    const body = `{ "timestamp": "${timestamp}",\n  "event_name": "follow", "app_id": "1234567890123456789", "note": "\\u00e9" }`;
    const headers = { "X-ZEvent-Signature": sign(body, { timestamp }) };
    await expect(verifyWebhookEvent({ body, headers }, { oaSecretKey })).resolves.toMatchObject({ note: "é" });
  });

  it.each([
    ["lower case, as Node and Hono give them", "x-zevent-signature"],
    ["as Zalo spells it", "X-ZEvent-Signature"],
    ["upper case", "X-ZEVENT-SIGNATURE"],
  ])("finds the signature header in a plain record, %s", async (_, name) => {
    const request = posted(textEvent ?? {});
    const headers = { "content-type": "application/json", [name]: request.headers["x-zevent-signature"] };
    await expect(verifyWebhookEvent({ ...request, headers }, { oaSecretKey })).resolves.toBeDefined();
  });

  it("reads a Headers object (fetch's Request, Hono's c.req.raw.headers)", async () => {
    const request = posted(textEvent ?? {});
    const headers = new Headers({ "X-ZEvent-Signature": request.headers["x-zevent-signature"] ?? "" });
    await expect(verifyWebhookEvent({ ...request, headers }, { oaSecretKey })).resolves.toBeDefined();
  });

  it("takes the hex in upper case too", async () => {
    const request = posted(textEvent ?? {});
    const upper = `mac=${request.headers["x-zevent-signature"]?.slice(4).toUpperCase()}`;
    await expect(
      verifyWebhookEvent({ ...request, headers: { "x-zevent-signature": upper } }, { oaSecretKey }),
    ).resolves.toBeDefined();
  });

  describe("refuses, with an EtelecomWebhookError whose reason and message say why", () => {
    it("a body changed after signing", async () => {
      const request = posted(textEvent ?? {});
      const error = await refusal({ ...request, body: request.body.replace("hoa hồng", "hoa cúc") });
      expect(error).toMatchObject({ reason: "bad_signature", name: "EtelecomWebhookError" });
      expect(error.message).toMatch(/X-ZEvent-Signature does not match/);
      expect(error).toBeInstanceOf(EtelecomError);
      expect(isEtelecomWebhookError(error)).toBe(true);
    });

    it("a body signed with another OA's key", async () => {
      const error = await refusal(posted(textEvent ?? {}, { key: "another-OA-secret" }));
      expect(error.reason).toBe("bad_signature");
    });

    it("a timestamp changed after signing", async () => {
      const request = posted(textEvent ?? {});
      const timestamp = (JSON.parse(request.body) as { timestamp: string }).timestamp;
      const body = request.body.replace(timestamp, String(Number(timestamp) - 1));
      expect((await refusal({ ...request, body })).reason).toBe("bad_signature");
    });

    it("an event older than the tolerance (5 minutes unless given)", async () => {
      const error = await refusal(posted(textEvent ?? {}, { timestamp: String(Date.now() - 6 * MINUTE) }));
      expect(error).toMatchObject({ reason: "stale" });
      expect(error.message).toMatch(/too old/);
      const request = posted(textEvent ?? {}, { timestamp: String(Date.now() - 2 * MINUTE) });
      expect((await refusal(request, { oaSecretKey, toleranceMs: MINUTE })).reason).toBe("stale");
      await expect(verifyWebhookEvent(request, { oaSecretKey })).resolves.toBeDefined();
    });

    it("an event stamped further in the future than the tolerance", async () => {
      const error = await refusal(posted(textEvent ?? {}, { timestamp: String(Date.now() + 6 * MINUTE) }));
      expect(error).toMatchObject({ reason: "stale" });
      expect(error.message).toMatch(/in the future/);
    });

    it.each([
      ["no headers", {}],
      ["another header only", { "x-zevent-server": "ZNS" }],
      ["an undefined value, as Node's headers type it", { "x-zevent-signature": undefined }],
    ])("a missing X-ZEvent-Signature: %s", async (_, headers) => {
      const error = await refusal({ body: posted(textEvent ?? {}).body, headers });
      expect(error).toMatchObject({
        reason: "missing_signature",
        message: expect.stringMatching(/X-ZEvent-Signature/),
      });
    });

    it.each([
      ["no mac= prefix", "9f2c6a1e4b7d0f3a8c5e2b9d6f1a4c7e0b3d8f5a2c9e6b1d4f7a0c3e8b5d2f9a"],
      ["a short hex", "mac=9f2c"],
      ["not hex", `mac=${"z".repeat(64)}`],
      ["two values joined, as a repeated header arrives", `mac=${"a".repeat(64)}, mac=${"b".repeat(64)}`],
      ["a repeated header as a list", [`mac=${"a".repeat(64)}`, `mac=${"b".repeat(64)}`]],
    ])("a malformed X-ZEvent-Signature: %s", async (_, value) => {
      const error = await refusal({ body: posted(textEvent ?? {}).body, headers: { "x-zevent-signature": value } });
      expect(error).toMatchObject({ reason: "malformed_signature", message: expect.stringMatching(/mac=<64 hex/) });
    });

    it.each([
      ["text", "not json"],
      ["cut short", '{"app_id": "1234567890123456789", "timestamp": "1'],
      ["bytes that are not UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
    ])("a body that is not JSON: %s", async (_, body) => {
      const error = await refusal({ body, headers: { "x-zevent-signature": `mac=${"a".repeat(64)}` } });
      expect(error).toMatchObject({ reason: "not_json" });
    });

    it.each([
      ["an array", "[]", /must be a JSON object/],
      ["no app_id", JSON.stringify({ event_name: "follow", timestamp: "1" }), /app_id/],
      ["app_id as a number", JSON.stringify({ app_id: 1, event_name: "follow", timestamp: "1" }), /app_id/],
      ["no timestamp", JSON.stringify({ app_id: "1", event_name: "follow" }), /timestamp/],
      ["timestamp as a number", JSON.stringify({ app_id: "1", event_name: "follow", timestamp: 1 }), /timestamp/],
      ["timestamp not digits", JSON.stringify({ app_id: "1", event_name: "follow", timestamp: "soon" }), /timestamp/],
    ])("a body without what the signature needs: %s", async (_, body, message) => {
      const error = await refusal({ body, headers: { "x-zevent-signature": `mac=${"a".repeat(64)}` } });
      expect(error).toMatchObject({ reason: "invalid_body", message: expect.stringMatching(message) });
    });

    it("a correctly signed event whose event_name the spec does not know, naming it", async () => {
      const error = await refusal(posted({ ...textEvent, event_name: "user_send_location" }));
      expect(error).toMatchObject({ reason: "unknown_event", message: expect.stringMatching(/user_send_location/) });
    });

    it("a correctly signed event without an event_name", async () => {
      const { event_name: _, ...event } = textEvent ?? {};
      expect((await refusal(posted(event))).reason).toBe("invalid_body");
    });
  });

  it.each([
    ["an empty oaSecretKey", { oaSecretKey: "" }, "oaSecretKey"],
    ["a negative toleranceMs", { oaSecretKey, toleranceMs: -1 }, "toleranceMs"],
    ["a toleranceMs that is not a number", { oaSecretKey, toleranceMs: Number.NaN }, "toleranceMs"],
  ])("refuses %s as the caller's mistake", async (_, options, field) => {
    const error = await rejection(verifyWebhookEvent(posted(textEvent ?? {}), options));
    expect(error).toBeInstanceOf(EtelecomInputError);
    expect(error).toMatchObject({ field });
  });

  it("refuses a body parsed already (express.json()'s object), whose bytes are no longer those signed", async () => {
    const request = posted(textEvent ?? {});
    const body = JSON.parse(request.body) as unknown as string;
    const error = await rejection(verifyWebhookEvent({ ...request, body }, { oaSecretKey }));
    expect(error).toBeInstanceOf(EtelecomInputError);
    expect(error).toMatchObject({ field: "body", message: expect.stringMatching(/raw body/) });
  });

  it("names each reason in its type", () => {
    expectTypeOf<WebhookErrorReason>().toEqualTypeOf<
      | "missing_signature"
      | "malformed_signature"
      | "not_json"
      | "invalid_body"
      | "bad_signature"
      | "stale"
      | "unknown_event"
    >();
  });
});
