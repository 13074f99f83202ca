import { describe, expect, expectTypeOf, it } from "vitest";
import { createZaloCloudClientFor } from "../../src/index.js";
import { listOA, sendZNS } from "../../src/operations.js";
import { fakeFetch, json } from "../fake-fetch.js";
import { requestExample, successExample } from "../spec-examples.js";

// A client with only the methods an app names, so that its bundle holds only those operations.
describe("createZaloCloudClientFor", () => {
  it("has the named methods, each calling its own operation, and raw", async () => {
    const fake = fakeFetch(() => json(200, successExample("sendZNS")));
    const zalo = createZaloCloudClientFor({ sendZNS, listOA }, { apiKey: "k", scope: "partner", fetch: fake.fetch });
    expect(Object.keys(zalo).sort()).toEqual(["listOA", "raw", "sendZNS"]);
    expect(typeof zalo.listOA.all).toBe("function");
    expect(await zalo.sendZNS(requestExample("sendZNS") as Parameters<typeof zalo.sendZNS>[0])).toEqual(
      successExample("sendZNS"),
    );
    expect(fake.calls.map(({ request }) => new URL(request.url).pathname)).toEqual(["/v1/partner.Zalo/SendZNS"]);
    expectTypeOf(zalo).not.toHaveProperty("getShopOA");
    expectTypeOf(zalo.sendZNS).parameter(0).toHaveProperty("template_id");
  });

  it("refuses a descriptor under another operation's name, which would call one operation typed as another", () => {
    expect(() => createZaloCloudClientFor({ listOA: sendZNS } as never, { apiKey: "k", scope: "shop" })).toThrow(
      new TypeError("operations.listOA is not the descriptor of listOA from @etelecom-zalo/client/operations"),
    );
  });
});
