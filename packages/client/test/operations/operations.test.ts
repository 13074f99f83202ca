import { listOperations } from "@etelecom-zalo/openapi";
import type { operations } from "@etelecom-zalo/openapi/types";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  createZaloCloudClient,
  EtelecomApiError,
  type MethodNameOf,
  methodNames,
  type OperationInput,
  type OperationName,
  type OperationResult,
  type ZaloCloudClient,
} from "../../src/index.js";
import { json } from "../fake-fetch.js";
import { methodOf, methods, rejection, requestExample, successExample } from "../spec-examples.js";

describe("the methods", () => {
  it("are exactly the spec's operations, named as the generated map says, in the spec's order", () => {
    const client = createZaloCloudClient({ apiKey: "k", scope: "shop" });
    const operationIds = listOperations().map(({ operationId }) => operationId);
    expect(Object.keys(methodNames)).toEqual(operationIds);
    const expected = operationIds.map((operationId) => methodNames[operationId as keyof typeof methodNames]);
    expect(methods.map(([name]) => name)).toEqual(expected);
    expect(Object.keys(client).sort()).toEqual([...expected, "raw"].sort());
    for (const name of expected) expect(client[name]).toBeTypeOf("function");
  });

  // The map is the generator's rule applied; what any rule must keep is checked here without restating it.
  it.each(Object.entries(methodNames))("names %s's method %s: the operationId in lowerCamelCase", (id, name) => {
    expect(name.toLowerCase()).toBe(id.toLowerCase());
    expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });
});

describe.each(methods)("%s", (name, operation) => {
  it.each(["shop", "partner"] as const)(
    "POSTs the documented request as JSON with the Bearer key to the %s scope's path",
    async (scope) => {
      const { fake, send } = methodOf(name, undefined, { apiKey: "key-1", scope });
      await send(requestExample(name));
      const [recorded] = fake.calls;
      expect(recorded?.request.method).toBe(operation.method);
      expect(recorded?.request.url).toBe(`https://api.etelecom.vn${operation.path.replace("{scope}", scope)}`);
      expect(recorded?.request.headers.get("authorization")).toBe("Bearer key-1");
      expect(recorded?.request.headers.get("content-type")).toBe("application/json");
      expect(recorded?.request.redirect).toBe("manual");
      expect(JSON.parse(recorded?.body ?? "")).toEqual(requestExample(name));
    },
  );

  it("resolves to the documented 200 body", async () => {
    await expect(methodOf(name).send(requestExample(name))).resolves.toEqual(successExample(name));
  });

  it("rejects eTelecom's error body with an EtelecomApiError", async () => {
    const body = { code: "not_found", msg: "oa_id: is not an OA connected to this shop" };
    const error = await rejection(methodOf(name, () => json(404, body)).send(requestExample(name)));
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status: 404, code: "not_found", msg: body.msg, body });
  });

  it("never modifies the caller's body", async () => {
    const body = requestExample(name);
    const before = structuredClone(body);
    await methodOf(name).send(body);
    expect(body).toEqual(before);
  });
});

describe("the types", () => {
  it("name each operation's method through the generated map", () => {
    expectTypeOf<MethodNameOf<keyof operations>>().toEqualTypeOf<OperationName>();
    expectTypeOf<keyof typeof methodNames>().toEqualTypeOf<keyof operations>();
  });

  it("take each method's input and result from the generated operations, by operationId", () => {
    expectTypeOf<OperationResult<"connectOA">>().toEqualTypeOf<
      operations["ConnectOA"]["responses"][200]["content"]["application/json"]
    >();
    expectTypeOf<ZaloCloudClient["getShopOA"]>().returns.resolves.toEqualTypeOf<OperationResult<"getShopOA">>();
    expectTypeOf<ZaloCloudClient["updateShopOA"]>().parameter(0).toEqualTypeOf<OperationInput<"updateShopOA">>();
  });

  it("type every request field the spec does not widen exactly as generated", () => {
    type Request = operations["UpdateShopOA"]["requestBody"]["content"]["application/json"];
    expectTypeOf<OperationInput<"updateShopOA">["webhook_url"]>().toEqualTypeOf<Request["webhook_url"]>();
    expectTypeOf<OperationInput<"listOA">["filter"]>().not.toBeAny();
  });
});
