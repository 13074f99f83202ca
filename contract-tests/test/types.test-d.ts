import type {
  components,
  EtelecomApiError,
  ListOAItem,
  MethodNameOf,
  methodNames,
  OperationName,
  OperationResult,
  operations,
  verifyWebhookEvent,
  webhooks,
  ZaloCloudClient,
  ZaloEvent,
  ZaloEventName,
} from "@etelecom-zalo/client";
import { describe, expectTypeOf, it } from "vitest";

/** The 200 body openapi-typescript generated for an operation: what a method must resolve to, whatever it is. */
type Generated200<Op extends keyof operations> = operations[Op]["responses"][200]["content"]["application/json"];

// These tests compare the client's types with the generated ones rather than with shapes written here, so a
// compatible change of the spec never breaks them; they pin only what must never change (int64s stay exact).
describe("public types", () => {
  it("has one method per operation of the generated types, and raw", () => {
    expectTypeOf<keyof ZaloCloudClient>().toEqualTypeOf<OperationName | "raw">();
    expectTypeOf<keyof typeof methodNames>().toEqualTypeOf<keyof operations>();
    expectTypeOf<MethodNameOf<keyof operations>>().toEqualTypeOf<OperationName>();
  });

  it("resolves each method to its operation's generated 200 body", () => {
    // Every operation at once, through the generated name map, so a new operation is covered without an edit here.
    type Resolved = { [Op in keyof operations]: Awaited<ReturnType<ZaloCloudClient[MethodNameOf<Op>]>> };
    expectTypeOf<Resolved>().toEqualTypeOf<{ [Op in keyof operations]: Generated200<Op> }>();
    expectTypeOf<ReturnType<ZaloCloudClient["authorizeOA"]>>().resolves.toEqualTypeOf<Generated200<"AuthorizeOA">>();
    expectTypeOf<ReturnType<ZaloCloudClient["connectOA"]>>().resolves.toEqualTypeOf<Generated200<"ConnectOA">>();
    expectTypeOf<ReturnType<ZaloCloudClient["listOA"]>>().resolves.toEqualTypeOf<Generated200<"ListOA">>();
    expectTypeOf<ReturnType<ZaloCloudClient["getShopOA"]>>().resolves.toEqualTypeOf<Generated200<"GetShopOA">>();
  });

  it("keeps the int64 IDs it returns as strings, so they stay exact", () => {
    expectTypeOf<OperationResult<"connectOA">["oa_id"]>().toEqualTypeOf<string>();
    expectTypeOf<ListOAItem["oa_id"]>().toEqualTypeOf<string>();
  });

  it("takes int64 fields as a decimal string or a bigint, never a number, wherever they sit", () => {
    expectTypeOf<ZaloCloudClient["getShopOA"]>().toBeCallableWith({ oa_id: "4321098765432109876" });
    expectTypeOf<ZaloCloudClient["getShopOA"]>().toBeCallableWith({ oa_id: 4321098765432109876n });
    expectTypeOf<ZaloCloudClient["listOA"]>().toBeCallableWith({ filter: { oa_id: 1n, app_id: "1" } });
    // @ts-expect-error a number, even a small one: above 2^53 it has already lost digits
    expectTypeOf<ZaloCloudClient["getShopOA"]>().toBeCallableWith({ oa_id: 4321098765 });
    // @ts-expect-error nested int64s too
    expectTypeOf<ZaloCloudClient["listOA"]>().toBeCallableWith({ filter: { oa_id: 1 } });
  });

  it("takes the callback's state as its decimal string or a number", () => {
    const callback = { code: "c", oa_id: "1", state: "1839572046" };
    expectTypeOf<ZaloCloudClient["connectOA"]>().toBeCallableWith(callback);
    expectTypeOf<ZaloCloudClient["connectOA"]>().toBeCallableWith({ ...callback, state: 1839572046 });
  });

  it("yields a list's items from .all", () => {
    expectTypeOf<ReturnType<ZaloCloudClient["listOA"]["all"]>>().toEqualTypeOf<AsyncIterable<ListOAItem>>();
    expectTypeOf<ListOAItem>().toEqualTypeOf<Generated200<"ListOA">["accounts"][number]>();
  });

  it("gives errors a numeric status and string code and msg", () => {
    expectTypeOf<EtelecomApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<EtelecomApiError["msg"]>().toEqualTypeOf<string>();
    expectTypeOf<EtelecomApiError["code"]>().toExtend<string>();
  });

  it("resolves a verified webhook event to the spec's ZaloEvent, one member per webhook of Zalo's", () => {
    expectTypeOf<ReturnType<typeof verifyWebhookEvent>>().resolves.toEqualTypeOf<ZaloEvent>();
    expectTypeOf<ZaloEvent>().toEqualTypeOf<components["schemas"]["ZaloEvent"]>();
    // zl_oa_message is eTelecom's own post to a CreateWebhook subscription, unsigned: not an event Zalo signs.
    expectTypeOf<ZaloEventName>().toEqualTypeOf<Exclude<keyof webhooks, "zl_oa_message">>();
  });
});
