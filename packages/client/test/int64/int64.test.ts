import { describe, expect, expectTypeOf, it } from "vitest";
import { type AuthorizeOAInput, EtelecomInputError, type ListOAInput, type OperationInput } from "../../src/index.js";
import { fieldsOf, methodOf, methods, rejection, requestExample, withValue } from "../spec-examples.js";

const int64Fields = fieldsOf("int64");

/** The value at `path` of the JSON body that went on the wire. */
function sentAt(body: string | undefined, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], JSON.parse(body ?? ""));
}

it("finds the int64 fields wherever they sit, nested ones included", () => {
  expect(int64Fields.map(([name, field]) => `${name} ${field}`)).toEqual(
    expect.arrayContaining(["authorizeOA app_id", "connectOA oa_id", "listOA filter.app_id", "listOA filter.oa_id"]),
  );
});

describe.each(int64Fields)("%s %s", (name, field, path) => {
  async function refusal(value: unknown) {
    const { fake, send } = methodOf(name);
    const error = await rejection(send(withValue(requestExample(name), path, value)));
    expect(fake.calls).toHaveLength(0);
    expect(error).toBeInstanceOf(EtelecomInputError);
    expect(error).toMatchObject({ field });
    return error as EtelecomInputError;
  }

  it.each([
    ["a bigint", 9223372036854775807n, "9223372036854775807"],
    ["a bigint zero", 0n, "0"],
    ["a 19-digit string", "1234567890123456789", "1234567890123456789"],
    ["a string with leading zeros, as given", "000123", "000123"],
  ])("sends %s as an exact decimal string", async (_, value, onTheWire) => {
    const { fake, send } = methodOf(name);
    await send(withValue(requestExample(name), path, value));
    expect(sentAt(fake.calls[0]?.body, path)).toBe(onTheWire);
    expect(fake.calls[0]?.body).toContain(`"${path.at(-1)}":"${onTheWire}"`);
  });

  it("refuses a number, explaining the 2^53 precision loss, before any request", async () => {
    // Number("…") gives the number a caller would hold after JSON.parse of an unquoted 19-digit ID.
    const error = await refusal(Number("1234567890123456789"));
    expect(error.message).toMatch(new RegExp(`^${field} .*not a number.*2\\^53`));
  });

  it("refuses even a small, exact number, so the mistake shows before the IDs grow", async () => {
    await refusal(42);
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
  ])("refuses a string %s, naming the field, before any request", async (_, value) => {
    expect((await refusal(value)).message).toMatch(new RegExp(`^${field} must be an int64`));
  });

  it.each([
    ["above int64", 2n ** 63n],
    ["negative", -1n],
  ])("refuses a bigint %s", async (_, value) => {
    await refusal(value);
  });

  it.each([null, true, {}, ["1"]])("refuses %j", async (value) => {
    await refusal(value);
  });

  it("leaves a missing value to the server, which answers 400 invalid_argument", async () => {
    const { fake, send } = methodOf(name);
    const body = withValue(requestExample(name), path, undefined);
    await send(body);
    expect(JSON.parse(fake.calls[0]?.body ?? "")).toEqual(body);
  });
});

it("leaves a nested int64 field under a parent that is not an object to the server, which names the parent", async () => {
  const { fake, send } = methodOf("listOA");
  await send({ filter: "1234567890123456789" });
  expect(JSON.parse(fake.calls[0]?.body ?? "")).toEqual({ filter: "1234567890123456789" });
});

describe.each(methods)("the body of %s", (name) => {
  it.each([
    [null, /object, got null/],
    [undefined, /got undefined/],
    ["{}", /got string/],
    [[], /got an array/],
  ])("refuses %j before any request, with field 'body'", async (input, message) => {
    const { fake, send } = methodOf(name);
    const error = await rejection(send(input));
    expect(error).toBeInstanceOf(EtelecomInputError);
    expect(error).toMatchObject({ field: "body", message: expect.stringMatching(message) });
    expect(fake.calls).toHaveLength(0);
  });
});

it("types every int64 field string | bigint, so a number does not even compile", () => {
  expectTypeOf<AuthorizeOAInput["app_id"]>().toEqualTypeOf<string | bigint>();
  expectTypeOf<OperationInput<"connectOA">["oa_id"]>().toEqualTypeOf<string | bigint>();
  expectTypeOf<NonNullable<ListOAInput["filter"]>["oa_id"]>().toEqualTypeOf<string | bigint | undefined>();
  expectTypeOf<{ app_id: number; app_secret: string; redirect_uri: string }>().not.toExtend<AuthorizeOAInput>();
  expectTypeOf<{ filter: { oa_id: number } }>().not.toExtend<ListOAInput>();
});
