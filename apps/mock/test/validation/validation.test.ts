import { describe, expect, it } from "vitest";
import { errorOf, useMock, validBody } from "../use-mock.js";

const mock = useMock();
const { app_id: _, ...withoutAppId } = validBody;

describe("body validation", () => {
  it.each<[string, unknown, string]>([
    ["a missing field", withoutAppId, "app_id: is required"],
    ["every field missing", {}, "app_id: is required; app_secret: is required; redirect_uri: is required"],
    ["app_id as a JSON number", { ...validBody, app_id: 1234567890 }, "app_id: must be a string"],
    ["app_id with letters", { ...validBody, app_id: "12ab" }, "app_id: must be a string of decimal digits (int64)"],
    [
      "app_id longer than int64",
      { ...validBody, app_id: "1".repeat(20) },
      "app_id: must be a string of decimal digits (int64)",
    ],
    [
      "app_id one above int64's maximum",
      { ...validBody, app_id: "9223372036854775808" },
      "app_id: must be a string of decimal digits (int64)",
    ],
    ["an empty app_id", { ...validBody, app_id: "" }, "app_id: must be a string of decimal digits (int64)"],
    ["an empty app_secret", { ...validBody, app_secret: "" }, "app_secret: must not be empty"],
    ["app_secret as an object", { ...validBody, app_secret: {} }, "app_secret: must be a string"],
    [
      "redirect_uri that is not a URL",
      { ...validBody, redirect_uri: "callback" },
      "redirect_uri: must be an absolute http or https URL",
    ],
    [
      "redirect_uri with a space in its host",
      { ...validBody, redirect_uri: "https://exa mple.com/" },
      "redirect_uri: must be a URI",
    ],
    ["an extra field", { ...validBody, scope: "shop" }, "scope: is not a known field"],
    ["an array", [validBody], "body: must be an object"],
    ["a string", "hello", "body: must be an object"],
    ["a number", 42, "body: must be an object"],
    ["null", null, "body: must be an object"],
    ["false", false, "body: must be an object"],
  ])("answers %s with 400 invalid_argument naming each field", async (_case, body, msg) => {
    const response = await mock.post(undefined, { body: JSON.stringify(body) });
    expect(await errorOf(response)).toEqual({ status: 400, code: "invalid_argument", msg });
  });

  it("names every offending field once, joined by '; '", async () => {
    const body = { app_id: 7, redirect_uri: "nope", extra: true };
    const { msg } = await errorOf(await mock.post(undefined, { body }));
    expect(msg.split("; ").sort()).toEqual([
      "app_id: must be a string",
      "app_secret: is required",
      "extra: is not a known field",
      "redirect_uri: must be an absolute http or https URL",
    ]);
  });

  it("answers an empty body with 400 body: is required", async () => {
    expect(await errorOf(await mock.post(undefined, { body: "" }))).toEqual({
      status: 400,
      code: "invalid_argument",
      msg: "body: is required",
    });
  });

  it("answers the real error even when Prefer asks for another response", async () => {
    const response = await mock.post(undefined, { body: withoutAppId, headers: { Prefer: "code=200" } });
    expect(await errorOf(response)).toEqual({ status: 400, code: "invalid_argument", msg: "app_id: is required" });
  });
});

describe("redirect_uri", () => {
  const msg = "redirect_uri: must be an absolute http or https URL";

  // The consent page's Allow answers 302 to it: any other scheme would run in, or leave, the owner's browser.
  it.each([
    "javascript:alert(document.domain)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "mailto:owner@example.com",
    "x:y",
    "http:evil.example",
    "https:/evil.example",
    "//evil.example/cb",
  ])("refuses %s with 400 invalid_argument", async (redirect_uri) => {
    const response = await mock.post(undefined, { body: { ...validBody, redirect_uri } });
    expect(await errorOf(response)).toEqual({ status: 400, code: "invalid_argument", msg });
  });

  it.each(["https://shop.example.com/zalo/callback", "HTTP://localhost:3000/cb?from=zalo", "http://[::1]:8080/"])(
    "takes %s",
    async (redirect_uri) => {
      expect((await mock.post(undefined, { body: { ...validBody, redirect_uri } })).status).toBe(200);
    },
  );

  it.each(["code", "state", "error", "oa_id"])(
    "refuses one whose query already has %s, which the callback adds",
    async (name) => {
      const redirect_uri = `https://shop.example.com/cb?from=zalo&${name}=1`;
      const response = await mock.post(undefined, { body: { ...validBody, redirect_uri } });
      expect(await errorOf(response)).toEqual({
        status: 400,
        code: "invalid_argument",
        msg: "redirect_uri: must not carry oa_id, code, state or error in its query: Zalo adds them to the callback",
      });
    },
  );
});

describe("a body with a huge number of mistakes", () => {
  it("names the first 20 and counts the rest", async () => {
    const body = Object.fromEntries(Array.from({ length: 96_000 }, (_, index) => [`k${index}`, 1]));
    const { msg } = await errorOf(await mock.post(undefined, { body }));
    const clauses = msg.split("; ");
    expect(clauses).toHaveLength(21);
    expect(clauses.slice(0, 3)).toEqual([
      "app_id: is required",
      "app_secret: is required",
      "redirect_uri: is required",
    ]);
    expect(clauses[3]).toBe("k0: is not a known field");
    expect(clauses[20]).toBe("… and 95983 more");
    expect(msg.length).toBeLessThan(1_000);
  });
});
