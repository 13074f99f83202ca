import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ErrorCode,
  EtelecomApiError,
  EtelecomError,
  EtelecomInputError,
  EtelecomInvalidResponseError,
  EtelecomNetworkError,
  EtelecomTimeoutError,
  isEtelecomApiError,
  isEtelecomError,
  isEtelecomInputError,
  isEtelecomInvalidResponseError,
  isEtelecomNetworkError,
  isEtelecomTimeoutError,
} from "../../src/index.js";

const kinds = [
  ["EtelecomApiError", new EtelecomApiError(400, "invalid_argument", "app_id: is required", {}), isEtelecomApiError],
  ["EtelecomNetworkError", new EtelecomNetworkError("eTelecom could not be reached"), isEtelecomNetworkError],
  ["EtelecomTimeoutError", new EtelecomTimeoutError(10), isEtelecomTimeoutError],
  ["EtelecomInvalidResponseError", new EtelecomInvalidResponseError(502, "<html>"), isEtelecomInvalidResponseError],
  ["EtelecomInputError", new EtelecomInputError("app_id", "is wrong"), isEtelecomInputError],
] as const;

describe("error classes", () => {
  it.each(kinds)("%s extends EtelecomError and Error and is named after its class", (name, error) => {
    expect(error).toBeInstanceOf(EtelecomError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(isEtelecomError(error)).toBe(true);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
  });

  it.each(kinds)("the guard of %s accepts its own kind only", (_, error, guard) => {
    for (const [, other] of kinds) expect(guard(other)).toBe(other === error);
    expect(guard(new Error("plain"))).toBe(false);
    expect(guard({ name: error.name, message: error.message })).toBe(false);
  });

  it("serializes the name, the message and the fields with JSON.stringify", () => {
    const error = new EtelecomApiError(401, "unauthenticated", "missing key", { code: "unauthenticated" });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "EtelecomApiError",
      message: "eTelecom answered 401 unauthenticated: missing key",
      status: 401,
      code: "unauthenticated",
      msg: "missing key",
      body: { code: "unauthenticated" },
    });
    expect(JSON.parse(JSON.stringify(new EtelecomInputError("app_id", "is wrong")))).toEqual({
      name: "EtelecomInputError",
      message: "app_id is wrong",
      field: "app_id",
    });
  });

  it("serializes a cause as its message and code only", () => {
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED", errno: -111 });
    expect(JSON.parse(JSON.stringify(new EtelecomNetworkError("eTelecom could not be reached", { cause })))).toEqual({
      name: "EtelecomNetworkError",
      message: "eTelecom could not be reached",
      cause: { message: "connect ECONNREFUSED 127.0.0.1:1", code: "ECONNREFUSED" },
    });
    expect(JSON.parse(JSON.stringify(new EtelecomTimeoutError(5)))).not.toHaveProperty("cause");
  });

  it("says what is wrong in an EtelecomInvalidResponseError's message", () => {
    expect(new EtelecomInvalidResponseError(502, "<html>").message).toBe(
      "eTelecom answered 502 with a body that is not the documented JSON",
    );
    expect(
      new EtelecomInvalidResponseError(
        200,
        {},
        "a body that does not fit the spec: body: must have required property 'url'",
      ).message,
    ).toBe("eTelecom answered 200 with a body that does not fit the spec: body: must have required property 'url'");
  });

  it("types code as the known codes while still accepting any string", () => {
    expectTypeOf<EtelecomApiError["code"]>().toEqualTypeOf<ErrorCode>();
    expectTypeOf<"invalid_argument">().toExtend<ErrorCode>();
    expectTypeOf<"some_new_code">().toExtend<ErrorCode>();
    expect(new EtelecomApiError(418, "some_new_code", "", null).code).toBe("some_new_code");
  });
});
