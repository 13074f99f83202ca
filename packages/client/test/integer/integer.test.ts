import { describe, expect, expectTypeOf, it } from "vitest";
import { type ConnectOAInput, EtelecomInputError, type ListOAInput } from "../../src/index.js";
import { fieldsOf, methodOf, rejection, requestExample, withValue } from "../spec-examples.js";

const integerFields = fieldsOf("integer");

it("finds the integer fields wherever they sit", () => {
  expect(integerFields.map(([name, field]) => `${name} ${field}`)).toEqual(
    expect.arrayContaining(["connectOA state", "listOA paging.limit"]),
  );
});

describe.each(integerFields)("%s %s", (name, field, path) => {
  it.each([
    ["a decimal string, as a callback's query gives it", "1839572046", 1839572046],
    ["a negative decimal string", "-42", -42],
    ["a string with leading zeros", "007", 7],
    ["the largest safe integer as a string", "9007199254740991", 9007199254740991],
    ["a safe integer", 20, 20],
    ["the smallest safe integer", -9007199254740991, -9007199254740991],
  ])("sends %s as a JSON integer", async (_, value, sent) => {
    const { fake, send } = methodOf(name);
    await send(withValue(requestExample(name), path, value));
    expect(fake.calls[0]?.body).toContain(`"${path.at(-1)}":${sent}`);
  });

  it.each([
    ["a decimal fraction", 1.5],
    ["a fraction as a string", "1.5"],
    ["an unsafe integer", 2 ** 53],
    ["an unsafe integer as a string", "9007199254740993"],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a word", "abc"],
    ["an empty string", ""],
    ["hex", "0x10"],
    ["an exponent", "1e3"],
    ["a string with spaces", " 5"],
    ["a plus sign", "+5"],
    ["null", null],
    ["a boolean", true],
    ["a bigint", 5n],
    ["an object", {}],
  ])("refuses %s before any request, naming the field", async (_, value) => {
    const { fake, send } = methodOf(name);
    const error = await rejection(send(withValue(requestExample(name), path, value)));
    expect(error).toBeInstanceOf(EtelecomInputError);
    expect(error).toMatchObject({ field, message: expect.stringMatching(new RegExp(`^${field} must be an integer`)) });
    expect(fake.calls).toHaveLength(0);
  });

  it("leaves a missing value to the server", async () => {
    const { fake, send } = methodOf(name);
    const body = withValue(requestExample(name), path, undefined);
    await send(body);
    expect(JSON.parse(fake.calls[0]?.body ?? "")).toEqual(body);
  });
});

it("types every integer field number | string, as the callback gives state", () => {
  expectTypeOf<ConnectOAInput["state"]>().toEqualTypeOf<number | string>();
  expectTypeOf<NonNullable<ListOAInput["paging"]>["limit"]>().toEqualTypeOf<number | string | undefined>();
  expectTypeOf<{ code: string; oa_id: string; state: string }>().toExtend<ConnectOAInput>();
});
