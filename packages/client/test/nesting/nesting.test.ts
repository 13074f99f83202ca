import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createZaloCloudClient, EtelecomApiError, EtelecomInvalidResponseError } from "../../src/index.js";
import { fakeFetch } from "../fake-fetch.js";
import { rejection } from "../spec-examples.js";

const apiKey = "sk_live_KEY0123456789abcdef";
const body = { app_id: "1", app_secret: "app-secret-1", redirect_uri: "https://example.com/cb" };
/**
 * Deeper than recursion goes (JSON.stringify and a recursive walk throw RangeError at a few thousand levels), yet
 * under the 64 KiB up to which an error keeps a JSON body parsed rather than as an excerpt of its text.
 */
const deepArray = `${"[".repeat(25_000)}"${apiKey}"${"]".repeat(25_000)}`;
const deepObject = `${'{"a":'.repeat(10_000)}"${apiKey}"${"}".repeat(10_000)}`;

async function answer(status: number, text: string) {
  const fetch = fakeFetch(() => new Response(text, { status, headers: { "Content-Type": "application/json" } })).fetch;
  return rejection(createZaloCloudClient({ apiKey, scope: "shop", fetch }).authorizeOA(body));
}

/** The error renders every common way, without RangeError and without the key. */
function expectRenderable(error: unknown) {
  for (const text of [String(error), JSON.stringify(error), inspect(error, { depth: Number.POSITIVE_INFINITY })]) {
    expect(text).not.toContain(apiKey);
  }
}

describe("a body nested deeper than any stack", () => {
  it.each([
    ["an array", deepArray],
    ["an object", deepObject],
  ])("as %s in an error status is an EtelecomInvalidResponseError", async (_, text) => {
    const error = await answer(400, text);
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(error).toMatchObject({ status: 400, message: expect.stringContaining("without eTelecom's { code, msg }") });
    expectRenderable(error);
  });

  it("inside eTelecom's { code, msg } is an EtelecomApiError", async () => {
    const error = await answer(400, `{"code":"invalid_argument","msg":"bad","detail":${deepObject}}`);
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 400, code: "invalid_argument", msg: "bad" });
    expectRenderable(error);
  });

  it.each([
    ["an array", deepArray],
    ["an object", deepObject],
    ["a field of a 200 body", `{"url":1,"detail":${deepObject}}`],
  ])("as %s in a 200 is an EtelecomInvalidResponseError", async (_, text) => {
    const error = await answer(200, text);
    expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
    expect(error).toMatchObject({ status: 200 });
    expectRenderable(error);
  });

  it("keeps what it can of the body, and says where it stopped", async () => {
    const error = (await answer(400, deepObject)) as EtelecomInvalidResponseError;
    const kept = JSON.stringify(error.body);
    expect(kept.startsWith('{"a":{"a":')).toBe(true);
    expect(kept).toContain("[nested too deep]");
    expect(kept.length).toBeLessThan(2048);
  });
});
