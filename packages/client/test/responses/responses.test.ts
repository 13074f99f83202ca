import { deref, findOperation, jsonMedia, loadSpec } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { EtelecomApiError, EtelecomInvalidResponseError, type OperationName } from "../../src/index.js";
import { json } from "../fake-fetch.js";
import { methodOf, methods, rejection, requestExample, successExample, withValue } from "../spec-examples.js";

/** Calls a method with its documented request, every answer being `response()`. */
const answer = (name: OperationName, response: () => Response) => methodOf(name, response).send(requestExample(name));

/** The rejection of a call answered with `response()`, checked to be an EtelecomInvalidResponseError. */
async function invalid(name: OperationName, response: () => Response) {
  const error = await rejection(answer(name, response));
  expect(error).toBeInstanceOf(EtelecomInvalidResponseError);
  return error as EtelecomInvalidResponseError;
}

/** The properties a 200 body must have, read from the spec (allOf branches included). */
function requiredProperties(name: OperationName): string[] {
  const spec = loadSpec();
  const operation = findOperation(methods.find(([method]) => method === name)?.[1].operationId ?? "");
  const required = (schema: unknown): string[] => {
    const resolved = deref<{ required?: string[]; allOf?: unknown[] }>(spec, schema as never);
    return [...(resolved.required ?? []), ...(resolved.allOf ?? []).flatMap(required)];
  };
  return required(jsonMedia(spec, operation.object.responses["200"])?.schema);
}

describe.each(methods)("a 200 answer of %s", (name) => {
  it("resolves to the body, extra fields included", async () => {
    const body = { ...successExample(name), added_by_a_newer_server: { nested: [1] } };
    await expect(answer(name, () => json(200, body))).resolves.toEqual(body);
  });

  it.each(requiredProperties(name))("without its required %s is refused, naming it", async (property) => {
    const error = await invalid(name, () => json(200, withValue(successExample(name), [property], undefined)));
    expect(error.status).toBe(200);
    expect(error.message).toContain(`does not fit the spec: body: must have required property '${property}'`);
  });

  it.each([
    ["a JSON array", () => json(200, [successExample(name)])],
    ["JSON null", () => json(200, null)],
    ["a bare JSON string", () => json(200, "https://x")],
  ])("that is %s is refused", async (_, response) => {
    expect((await invalid(name, response)).message).toContain("body: must be object");
  });

  it.each([
    ["an HTML page", () => new Response("<html><body>Welcome</body></html>", { status: 200 }), "not JSON"],
    ["a truncated JSON body", () => new Response('{"url":"https://oauth.za', { status: 200 }), "not JSON"],
    ["an empty body", () => new Response("", { status: 200 }), "an empty body"],
    ["a Content-Length: 0 body", () => new Response("", { headers: { "Content-Length": "0" } }), "an empty body"],
  ])("that is %s is refused", async (_, response, problem) => {
    const error = await invalid(name, response);
    expect(error).toMatchObject({ status: 200 });
    expect(error.message).toContain(problem);
  });
});

describe.each(["authorizeOA", "refreshToken"] as const)("the url of %s, where callers send a browser", (name) => {
  it.each([
    "https://oauth.zaloapp.com/v4/oa/permission?app_id=1&state=2",
    "http://127.0.0.1:4010/consent",
    "HTTPS://OAUTH.ZALOAPP.COM/v4/oa/permission",
    "https://[::1]:8443/consent#top",
  ])("accepts the absolute http(s) URL %s", async (url) => {
    await expect(answer(name, () => json(200, { url }))).resolves.toEqual({ url });
  });

  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://files.example.com/x",
    "",
    "not a url",
    "//evil.example/consent",
    "/v4/oa/permission",
    "https://",
    "https://exa mple.com/",
  ])("refuses %j, saying which field and why", async (url) => {
    const error = await invalid(name, () => json(200, { url }));
    expect(error.message).toBe(
      "eTelecom answered 200 with a body that does not fit the spec: url: must be an absolute https: or http: URL",
    );
    expect(error.body).toEqual({ url });
  });

  it("refuses a url that is not a string", async () => {
    expect((await invalid(name, () => json(200, { url: 42 }))).message).toContain("url: must be string");
  });
});

describe("the check of nested fields", () => {
  const page = () => successExample("listOA");

  it.each([
    ["an item's int64 ID as a number", ["accounts", "0", "oa_id"], 42, "accounts[0].oa_id: must be string"],
    [
      "an item's boolean as a string",
      ["accounts", "0", "is_verified"],
      "yes",
      "accounts[0].is_verified: must be boolean",
    ],
    [
      "an item's quota as a fraction",
      ["accounts", "0", "daily_quota"],
      1.5,
      "accounts[0].daily_quota: must be integer",
    ],
    ["an item that is not an object", ["accounts", "0"], "oa", "accounts[0]: must be object"],
    ["the items that are not an array", ["accounts"], {}, "accounts: must be array"],
    ["a cursor that is not a string", ["paging", "next"], 7, "paging.next: must be string"],
  ])("refuses %s, naming the field", async (_, path, value, problem) => {
    const body = page();
    let node = body as Record<string, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[path.at(-1) as string] = value;
    expect((await invalid("listOA", () => json(200, body))).message).toContain(`does not fit the spec: ${problem}`);
  });

  it("refuses an item without a required field, naming the item", async () => {
    const body = page();
    delete (body.accounts as Record<string, unknown>[])[0]?.status;
    expect((await invalid("listOA", () => json(200, body))).message).toContain(
      "accounts[0]: must have required property 'status'",
    );
  });

  it("checks both branches of an allOf", async () => {
    const error = await invalid("getShopOA", () => json(200, { ...successExample("getShopOA"), webhook_url: 1 }));
    expect(error.message).toContain("webhook_url: must be string");
    const missing = await invalid("getShopOA", () =>
      json(200, withValue(successExample("getShopOA"), ["name"], undefined)),
    );
    expect(missing.message).toContain("must have required property 'name'");
  });

  it("accepts values outside the documented lists, as eTelecom's own examples use them", async () => {
    const oa = {
      ...successExample("connectOA"),
      status: "Z",
      current_quality: "unknown",
      connection_method: "topship",
    };
    await expect(answer("connectOA", () => json(200, oa))).resolves.toEqual(oa);
  });

  it("accepts an int64 ID or a date that breaks its pattern or format: the caller only relies on a string", async () => {
    const oa = { ...successExample("connectOA"), oa_id: "not-digits", created_at: "yesterday" };
    await expect(answer("connectOA", () => json(200, oa))).resolves.toEqual(oa);
  });

  it("keeps what was received in body: parsed JSON, or the text", async () => {
    expect(await invalid("authorizeOA", () => json(200, { link: "x" }))).toMatchObject({ body: { link: "x" } });
    expect(await invalid("authorizeOA", () => new Response("<html>", { status: 200 }))).toMatchObject({
      body: "<html>",
    });
  });
});

describe("an error status", () => {
  it("with eTelecom's { code, msg } body rejects with an EtelecomApiError", async () => {
    const errorBody = { code: "unauthenticated", msg: "invalid token" };
    const error = await rejection(answer("authorizeOA", () => json(401, errorBody)));
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 401, code: "unauthenticated", msg: "invalid token", body: errorBody });
    expect((error as Error).message).toBe("eTelecom answered 401 unauthenticated: invalid token");
  });

  it("passes an undocumented code through as it came", async () => {
    const error = await rejection(
      answer("listOA", () => json(429, { code: "resource_exhausted_v2", msg: "slow down" })),
    );
    expect(error).toMatchObject({ status: 429, code: "resource_exhausted_v2", msg: "slow down" });
  });

  it("with a code but no msg still is an EtelecomApiError, with an empty msg", async () => {
    const error = await rejection(answer("getShopOA", () => json(500, { code: "internal" })));
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 500, code: "internal", msg: "" });
  });

  it.each([
    ["a proxy's HTML 502 page", () => new Response("<html><h1>502 Bad Gateway</h1></html>", { status: 502 }), 502],
    ["an empty 503", () => new Response(null, { status: 503 }), 503],
    ["a JSON body without code", () => json(400, { error: "bad" }), 400],
    ["a truncated JSON body", () => new Response('{"code":"inval', { status: 400 }), 400],
  ])("with %s rejects with an EtelecomInvalidResponseError carrying the status", async (_, response, status) => {
    const error = await invalid("updateShopOA", response);
    expect(error).toMatchObject({ status });
    expect(error.message).toContain("without eTelecom's { code, msg } body");
  });
});
