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
    ["redirect_uri that is not a URI", { ...validBody, redirect_uri: "callback" }, "redirect_uri: must be a URI"],
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
      "redirect_uri: must be a URI",
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
