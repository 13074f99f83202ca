import { createHash } from "node:crypto";
import { findOperation, loadSpec } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import {
  auditDeliveries,
  auditExchanges,
  describeMissing,
  describeUndelivered,
  FORCED_ONLY,
  requirements,
} from "../support/audit.js";
import type { Delivery } from "../support/delivery.js";
import type { Exchange } from "../support/exchange.js";
import { createValidator } from "../support/validator.js";

const spec = loadSpec();
const validator = createValidator(spec);
const validBody = JSON.stringify(findOperation("AuthorizeOA").requestExample);

/** An AuthorizeOA exchange that agrees with the spec, with `overrides` applied. */
function exchange(overrides: Partial<Exchange>): Exchange {
  return {
    method: "POST",
    url: "http://127.0.0.1:1/v1/shop.Zalo/AuthorizeOA",
    requestHeaders: { authorization: "Bearer k", "content-type": "application/json" },
    requestBody: validBody,
    status: 200,
    responseHeaders: {},
    responseBody: JSON.stringify({ url: "https://oauth.zaloapp.com/v4/oa/permission?app_id=1" }),
    ...overrides,
  };
}

const withPrefer = (prefer: string) => ({
  requestHeaders: { authorization: "Bearer k", "content-type": "application/json", prefer },
});

describe("the contract audit", () => {
  it("lists every requirement as missing when nothing ran", () => {
    const { missing, problems } = auditExchanges(spec, validator, []);
    expect(problems).toEqual([]);
    expect(missing).toEqual(requirements(spec));
    expect(missing).toContainEqual({ operationId: "ListOA", status: 400, example: "invalid_after_cursor", real: true });
    expect(missing).toContainEqual({ operationId: "GetShopOA", status: 404, example: null });
  });

  it("demands each operation's own examples produced for real, not forced, and none that every operation shares", () => {
    expect(requirements(spec)).toContainEqual({
      operationId: "GetShopOA",
      status: 404,
      example: "oa_not_found",
      real: true,
    });
    expect(requirements(spec)).toContainEqual({
      operationId: "ConnectOA",
      status: 400,
      example: "invalid_code",
      real: true,
    });
    expect(requirements(spec)).toContainEqual({ operationId: "GetShopOA", status: 404, example: "wrong_content_type" });
    expect(requirements(spec)).toContainEqual({
      operationId: "GetShopOA",
      status: 401,
      example: "missing_authorization",
    });
    const notFound = { code: "not_found", msg: "oa_id: is not an OA connected to this shop" };
    const getShopOA = {
      url: "http://127.0.0.1:1/v1/shop.Zalo/GetShopOA",
      requestBody: JSON.stringify(findOperation("GetShopOA").requestExample),
      status: 404,
      responseBody: JSON.stringify(notFound),
    };
    const forced = exchange({ ...getShopOA, ...withPrefer("example=oa_not_found") });
    const required = { operationId: "GetShopOA", status: 404, example: "oa_not_found", real: true };
    expect(auditExchanges(spec, validator, [forced]).missing).toContainEqual(required);
    expect(auditExchanges(spec, validator, [exchange(getShopOA)]).missing).not.toContainEqual(required);
    expect(describeMissing(required as never)).toBe(
      "never produced for real (without Prefer) by the declared behaviour: GetShopOA 404 example oa_not_found",
    );
  });

  it("demands every status but the forced-only ones provoked for real, per operation", () => {
    const real = requirements(spec).filter((requirement) => requirement.example === null);
    expect(real).toContainEqual({ operationId: "ConnectOA", status: 401, example: null });
    expect(real.some((requirement) => FORCED_ONLY.includes(requirement.status))).toBe(false);
    expect(describeMissing({ operationId: "ConnectOA", status: 401, example: null })).toBe(
      "never provoked for real (without Prefer): ConnectOA 401",
    );
  });

  it("counts a response forced with Prefer: example=<name> as that example, but not as provoked for real", () => {
    const body = { code: "internal", msg: "internal error" };
    const ran = exchange({ ...withPrefer("example=internal"), status: 500, responseBody: JSON.stringify(body) });
    const { missing, problems } = auditExchanges(spec, validator, [ran]);
    expect(problems).toEqual([]);
    expect(missing).not.toContainEqual({ operationId: "AuthorizeOA", status: 500, example: "internal" });
    const forced401 = exchange({
      ...withPrefer("code=401"),
      status: 401,
      responseBody: JSON.stringify({ code: "unauthenticated", msg: "missing Authorization header" }),
    });
    expect(auditExchanges(spec, validator, [forced401]).missing).toContainEqual({
      operationId: "AuthorizeOA",
      status: 401,
      example: null,
    });
  });

  it("counts a real answer equal to a documented example as both", () => {
    const ran = exchange({
      status: 400,
      responseBody: JSON.stringify({ code: "invalid_argument", msg: "body: must be an object" }),
      requestBody: "[]",
    });
    const { missing, problems } = auditExchanges(spec, validator, [ran]);
    expect(problems).toEqual([]);
    expect(missing).not.toContainEqual({ operationId: "AuthorizeOA", status: 400, example: "not_an_object" });
    expect(missing).not.toContainEqual({ operationId: "AuthorizeOA", status: 400, example: null });
  });

  it("reads the query form of a preference, as the mock does", () => {
    const body = { code: "internal", msg: "internal error" };
    const ran = exchange({
      url: "http://127.0.0.1:1/v1/shop.Zalo/AuthorizeOA?__example=internal",
      status: 500,
      responseBody: JSON.stringify(body),
    });
    expect(auditExchanges(spec, validator, [ran]).missing).not.toContainEqual({
      operationId: "AuthorizeOA",
      status: 500,
      example: "internal",
    });
  });

  it("flags a client that sends an int64 as a JSON number", () => {
    const ran = exchange({ requestBody: validBody.replace('"1234567890123456789"', "1234567890123456789") });
    expect(auditExchanges(spec, validator, [ran]).problems).toEqual([
      expect.stringMatching(/request body on the wire breaks the schema \(data\/app_id must be string\)/),
    ]);
  });

  it("flags a response that breaks its schema", () => {
    const ran = exchange({ responseBody: JSON.stringify({ link: "https://oauth.zaloapp.com/" }) });
    expect(auditExchanges(spec, validator, [ran]).problems).toEqual([
      expect.stringMatching(/response body breaks its schema: data must have required property 'url'/),
    ]);
  });

  it("flags a status the spec does not document", () => {
    const ran = exchange({ status: 422, responseBody: JSON.stringify({ code: "x", msg: "y" }) });
    expect(auditExchanges(spec, validator, [ran]).problems).toEqual([
      expect.stringMatching(/status 422 is not documented for AuthorizeOA/),
    ]);
  });

  it("flags a mock that refuses a request the spec accepts", () => {
    const ran = exchange({ status: 400, responseBody: JSON.stringify({ code: "invalid_argument", msg: "app_id: x" }) });
    expect(auditExchanges(spec, validator, [ran]).problems).toEqual([
      expect.stringMatching(/the mock refused a request the spec accepts/),
    ]);
  });

  it("accepts the refusal of a valid request only with one of the operation's own documented 400s", () => {
    const connect = (msg: string) =>
      exchange({
        url: "http://127.0.0.1:1/v1/partner.Zalo/ConnectOA",
        requestBody: JSON.stringify(findOperation("ConnectOA").requestExample),
        status: 400,
        responseBody: JSON.stringify({ code: "invalid_argument", msg }),
      });
    expect(auditExchanges(spec, validator, [connect("code: is invalid, expired or already used")]).problems).toEqual(
      [],
    );
    // A shared example is a verdict on the body, which this body does not deserve.
    expect(auditExchanges(spec, validator, [connect("extra: is not a known field")]).problems).toEqual([
      expect.stringMatching(/the mock refused a request the spec accepts/),
    ]);
  });

  it("flags an unknown route whose error body is not eTelecom's", () => {
    const ran = exchange({
      url: "http://127.0.0.1:1/v1/shop.Zalo/AuthoriseOA",
      status: 404,
      responseBody: JSON.stringify({ title: "Route not resolved" }),
    });
    expect(auditExchanges(spec, validator, [ran]).problems).toEqual([
      expect.stringMatching(/AuthoriseOA -> 404: the error body breaks the Error schema/),
    ]);
  });

  it("flags a success without a Bearer key", () => {
    const ran = exchange({ requestHeaders: { "content-type": "application/json" } });
    expect(auditExchanges(spec, validator, [ran]).problems).toEqual([
      expect.stringMatching(/succeeded without a Bearer key/),
    ]);
  });
});

const KEY = "audit-test-key";

/** A user_send_text delivery as Zalo signs it with {@link KEY}, stamped now, with `change` applied to the event. */
function zaloDelivery(change: (event: Record<string, unknown>) => void = () => {}): Delivery {
  const event: Record<string, unknown> = {
    ...(webhookExample("user_send_text") as Record<string, unknown>),
    timestamp: String(Date.now()),
  };
  change(event);
  const body = JSON.stringify(event);
  const mac = createHash("sha256").update(`${event.app_id}${body}${event.timestamp}${KEY}`).digest("hex");
  return { url: "http://127.0.0.1:1/zalo", headers: { "x-zevent-signature": `mac=${mac}` }, body };
}

/** The first example the spec gives of a webhook's body. */
function webhookExample(name: string): unknown {
  const webhooks = spec.webhooks as Record<string, { post: { requestBody: { content: Record<string, unknown> } } }>;
  const media = webhooks[name]?.post.requestBody.content["application/json"] as { examples: Record<string, unknown> };
  return (Object.values(media.examples)[0] as { value: unknown }).value;
}

describe("the contract audit of delivered events", () => {
  it("passes a signed Zalo event and an eTelecom post that fit their webhooks", async () => {
    const post = {
      url: "http://127.0.0.1:1/etelecom",
      headers: {},
      body: JSON.stringify(webhookExample("zl_oa_message")),
    };
    const { problems, missing } = await auditDeliveries(spec, validator, [zaloDelivery(), post], KEY);
    expect(problems).toEqual([]);
    expect(missing).not.toContain("user_send_text");
    expect(missing).not.toContain("zl_oa_message");
  });

  it("flags a body that breaks its webhook's schema, naming the field", async () => {
    const wrong = zaloDelivery((event) => {
      event.message = { msg_id: 1, text: "hi" };
    });
    expect((await auditDeliveries(spec, validator, [wrong], KEY)).problems).toEqual([
      expect.stringMatching(
        /delivery of user_send_text to .*: the body breaks its schema \(data\/message\/msg_id must be string\)/,
      ),
    ]);
  });

  it("flags a Zalo event with no signature, a malformed one, or one made with another key", async () => {
    const unsigned = { ...zaloDelivery(), headers: {} };
    const malformed = { ...zaloDelivery(), headers: { "x-zevent-signature": "mac=xyz" } };
    const results = await Promise.all([
      auditDeliveries(spec, validator, [unsigned], KEY),
      auditDeliveries(spec, validator, [malformed], KEY),
      auditDeliveries(spec, validator, [zaloDelivery()], "another-key"),
    ]);
    expect(results.map(({ problems }) => problems)).toEqual([
      [
        expect.stringMatching(/the X-ZEvent-Signature header is missing/),
        expect.stringMatching(/no X-ZEvent-Signature/),
      ],
      [
        expect.stringMatching(/the X-ZEvent-Signature header breaks its schema .*: mac=xyz/),
        expect.stringMatching(/verifyWebhookEvent refuses it: .*not one mac=/),
      ],
      [expect.stringMatching(/verifyWebhookEvent refuses it: X-ZEvent-Signature does not match the body/)],
    ]);
  });

  it("flags a delivery that no webhook of the spec documents", async () => {
    const unknown = zaloDelivery((event) => {
      event.event_name = "user_send_gif";
    });
    expect((await auditDeliveries(spec, validator, [unknown], KEY)).problems).toEqual([
      expect.stringMatching(/no webhook of the spec documents it/),
    ]);
  });

  it("reports every webhook of the spec that nothing delivered", async () => {
    const { missing } = await auditDeliveries(spec, validator, [zaloDelivery()], KEY);
    const all = Object.keys(spec.webhooks as object);
    expect(all).toContain("zl_oa_message");
    expect(missing).toEqual(all.filter((name) => name !== "user_send_text"));
    expect(describeUndelivered("follow")).toBe("never delivered for real to the receiver: webhook follow");
  });
});
