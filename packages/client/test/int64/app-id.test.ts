import { describe, expect, expectTypeOf, it } from "vitest";
import { type AuthorizeOAInput, createZaloCloudClient, EtelecomInputError } from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";

const rest = { app_secret: "s", redirect_uri: "https://example.com/cb" };

function client() {
  const fake = fakeFetch(() => json(200, { url: "https://oauth.zaloapp.com/v4/oa/permission" }));
  return { fake, zalo: createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch }) };
}

async function refusal(input: unknown) {
  const { fake, zalo } = client();
  const error = await zalo.authorizeOA(input as never).catch((e: unknown) => e);
  expect(fake.calls).toHaveLength(0);
  expect(error).toBeInstanceOf(EtelecomInputError);
  return error as EtelecomInputError;
}

describe("app_id", () => {
  it("is typed string | bigint, so a number does not even compile", () => {
    expectTypeOf<AuthorizeOAInput["app_id"]>().toEqualTypeOf<string | bigint>();
    expectTypeOf<{ app_id: number; app_secret: string; redirect_uri: string }>().not.toExtend<AuthorizeOAInput>();
  });

  it.each([
    ["a bigint", 9223372036854775807n, '"app_id":"9223372036854775807"'],
    ["a bigint zero", 0n, '"app_id":"0"'],
    ["a 19-digit string", "1234567890123456789", '"app_id":"1234567890123456789"'],
    ["a string with leading zeros, as given", "000123", '"app_id":"000123"'],
  ])("sends %s as an exact decimal string", async (_, appId, onTheWire) => {
    const { fake, zalo } = client();
    await zalo.authorizeOA({ ...rest, app_id: appId });
    expect(fake.calls[0]?.body).toContain(onTheWire);
  });

  it("refuses a number, explaining the 2^53 precision loss, before any request", async () => {
    // Number("…") gives the number a caller would hold after JSON.parse of an unquoted 19-digit ID.
    const error = await refusal({ ...rest, app_id: Number("1234567890123456789") });
    expect(error.field).toBe("app_id");
    expect(error.message).toMatch(/^app_id .*not a number.*2\^53/);
  });

  it("refuses even a small, exact number, so the mistake shows before the IDs grow", async () => {
    expect((await refusal({ ...rest, app_id: 42 })).field).toBe("app_id");
  });

  it.each([
    ["above int64", "9223372036854775808"],
    ["20 digits", "12345678901234567890"],
    ["negative", "-1"],
    ["empty", ""],
    ["with a space", " 123"],
    ["in hex", "0x1f"],
    ["with an exponent", "1e18"],
    ["a decimal fraction", "1.5"],
    ["non-ASCII digits", "١٢٣"],
  ])("refuses a string %s, naming the field, before any request", async (_, appId) => {
    const error = await refusal({ ...rest, app_id: appId });
    expect(error.field).toBe("app_id");
    expect(error.message).toMatch(/^app_id must be an int64/);
  });

  it.each([
    ["above int64", 2n ** 63n],
    ["negative", -1n],
  ])("refuses a bigint %s", async (_, appId) => {
    expect((await refusal({ ...rest, app_id: appId })).field).toBe("app_id");
  });

  it.each([null, true, {}, ["1"]])("refuses %j", async (appId) => {
    expect((await refusal({ ...rest, app_id: appId })).field).toBe("app_id");
  });

  it("leaves a missing app_id to the server, which answers 400 invalid_argument", async () => {
    const { fake, zalo } = client();
    await zalo.authorizeOA(rest as never);
    expect(JSON.parse(fake.calls[0]?.body ?? "")).toEqual(rest);
  });
});

describe("the body", () => {
  it.each([
    [null, /object, got null/],
    [undefined, /got undefined/],
    ["{}", /got string/],
    [[], /got an array/],
  ])("refuses %j before any request, with field 'body'", async (input, message) => {
    const error = await refusal(input);
    expect(error.field).toBe("body");
    expect(error.message).toMatch(message);
  });
});
