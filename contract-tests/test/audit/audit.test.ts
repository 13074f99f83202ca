import { describe, expect, it } from "vitest";
import { auditExchanges } from "../support/audit.js";
import type { Exchange } from "../support/exchange.js";
import { listTriples, loadSpec } from "../support/spec.js";
import { createValidator } from "../support/validator.js";

const spec = loadSpec();
const validator = createValidator(spec);
const validBody = JSON.stringify({
  app_id: "1234567890123456789",
  app_secret: "s",
  redirect_uri: "https://shop.example.com/cb",
});

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

describe("the contract audit", () => {
  it("lists every documented (operation, status, example) as missing when nothing ran", () => {
    const { missing, problems } = auditExchanges(spec, validator, []);
    expect(problems).toEqual([]);
    expect(missing).toEqual(listTriples(spec));
    expect(missing).toContainEqual({ operationId: "AuthorizeOA", status: "404", example: "wrong_content_type" });
  });

  it("counts a response selected with Prefer: example=<name> and equal to it", () => {
    const body = { code: "internal", msg: "internal error" };
    const ran = exchange({
      requestHeaders: { authorization: "Bearer k", "content-type": "application/json", prefer: "example=internal" },
      status: 500,
      responseBody: JSON.stringify(body),
    });
    const { missing, problems } = auditExchanges(spec, validator, [ran]);
    expect(problems).toEqual([]);
    expect(missing).not.toContainEqual({ operationId: "AuthorizeOA", status: "500", example: "internal" });
  });

  it("flags a client that sends app_id as a JSON number", () => {
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
