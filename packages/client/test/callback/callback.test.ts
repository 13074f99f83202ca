import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type AuthorizationCallback,
  type ConnectOAInput,
  createZaloCloudClient,
  EtelecomInputError,
  parseAuthorizationCallback,
} from "../../src/index.js";
import { fakeFetch, json } from "../fake-fetch.js";
import { successExample } from "../spec-examples.js";

const query = "code=Hd9xW2pQk7LmN3vB8cR1tY5uZ0aE4fG6&oa_id=4321098765432109876&state=1839572046";
const expected = { code: "Hd9xW2pQk7LmN3vB8cR1tY5uZ0aE4fG6", oa_id: "4321098765432109876", state: "1839572046" };

/** The EtelecomInputError that parsing `callback` throws. */
function refusal(callback: string | URL | URLSearchParams): EtelecomInputError {
  try {
    parseAuthorizationCallback(callback);
  } catch (error) {
    expect(error).toBeInstanceOf(EtelecomInputError);
    return error as EtelecomInputError;
  }
  throw new Error(`${String(callback)} was accepted`);
}

describe("parseAuthorizationCallback", () => {
  it.each([
    ["an absolute URL string", `https://shop.example.com/zalo/callback?${query}`],
    ["a URL", new URL(`https://shop.example.com/zalo/callback?${query}`)],
    ["Node's request.url, a path with its query", `/zalo/callback?${query}`],
    ["a bare query string with its ?", `?${query}`],
    ["URLSearchParams", new URLSearchParams(query)],
    ["a URL with Zalo's extra parameters", `https://shop.example.com/cb?${query}&code_challenge=abc&extra=1`],
  ])("reads %s", (_, callback) => {
    expect(parseAuthorizationCallback(callback)).toEqual(expected);
  });

  it("decodes percent-encoded values", () => {
    expect(parseAuthorizationCallback("/cb?code=a%2Bb%2Fc&oa_id=1&state=-5")).toEqual({
      code: "a+b/c",
      oa_id: "1",
      state: "-5",
    });
  });

  it("says the owner refused on error=access_denied, quoting error_description", () => {
    const error = refusal("/cb?error=access_denied&error_description=User%20cancelled&state=1839572046");
    expect(error.field).toBe("error");
    expect(error.message).toBe('error is "access_denied": the OA owner did not authorize the app ("User cancelled")');
  });

  it("reports any other error, even next to a code", () => {
    const error = refusal(`/cb?error=server_error&${query}`);
    expect(error).toMatchObject({ field: "error", message: expect.stringContaining('"server_error"') });
  });

  it.each(["/cb?oa_id=1&state=2", "/cb?code=&oa_id=1&state=2", "/cb"])("treats no code in %s as a refusal", (url) => {
    expect(refusal(url)).toMatchObject({
      field: "code",
      message: "code is missing: the OA owner did not authorize the app",
    });
  });

  it.each([
    ["oa_id", "/cb?code=c&state=2"],
    ["oa_id", "/cb?code=c&oa_id=&state=2"],
    ["state", "/cb?code=c&oa_id=1"],
  ])("names a missing %s", (field, url) => {
    expect(refusal(url)).toMatchObject({ field, message: `${field} is missing from the callback` });
  });

  it.each([
    ["oa_id", "/cb?code=c&oa_id=12a&state=2", /^oa_id must be an int64/],
    ["oa_id", "/cb?code=c&oa_id=9223372036854775808&state=2", /^oa_id must be an int64/],
    ["state", "/cb?code=c&oa_id=1&state=abc", /^state must be an integer/],
    ["state", "/cb?code=c&oa_id=1&state=1.5", /^state must be an integer/],
    ["state", "/cb?code=c&oa_id=1&state=9007199254740993", /^state must be an integer/],
  ])("names a malformed %s", (field, url, message) => {
    expect(refusal(url)).toMatchObject({ field, message: expect.stringMatching(message) });
  });

  it.each([
    ["code", `/cb?${query}&code=other`],
    ["state", `/cb?${query}&state=1`],
    ["oa_id", `/cb?oa_id=1&${query}`],
    ["error", "/cb?error=access_denied&error=server_error&state=1"],
  ])("refuses a duplicated %s rather than pick one, naming it", (field, url) => {
    expect(refusal(url)).toMatchObject({
      field,
      message: `${field} appears 2 times in the callback, so which one is Zalo's cannot be told`,
    });
    expect(refusal(new URLSearchParams(url.slice(4)))).toMatchObject({ field });
  });

  it("refuses what is not a URL, naming the callback", () => {
    expect(refusal("http://[")).toMatchObject({ field: "callback" });
    expect(refusal(42 as never)).toMatchObject({ field: "callback" });
  });

  it("returns what connectOA takes, which sends oa_id as a string and state as a JSON integer", async () => {
    const fake = fakeFetch(() => json(200, successExample("connectOA")));
    const zalo = createZaloCloudClient({ apiKey: "k", scope: "shop", fetch: fake.fetch });
    await zalo.connectOA(parseAuthorizationCallback(`/cb?${query}`));
    expect(fake.calls[0]?.body).toBe(
      '{"code":"Hd9xW2pQk7LmN3vB8cR1tY5uZ0aE4fG6","oa_id":"4321098765432109876","state":1839572046}',
    );
    expectTypeOf<AuthorizationCallback>().toExtend<ConnectOAInput>();
  });
});
