import type { AuthorizeOARequest, AuthorizeOAResponse, EtelecomApiError, ZaloCloudClient } from "@etelecom-zalo/client";
import { describe, expectTypeOf, it } from "vitest";

describe("public types", () => {
  it("keeps app_id a string so int64 IDs stay exact", () => {
    expectTypeOf<AuthorizeOARequest["app_id"]>().toEqualTypeOf<string>();
  });

  it("requires every request field", () => {
    expectTypeOf<AuthorizeOARequest>().toEqualTypeOf<{ app_id: string; app_secret: string; redirect_uri: string }>();
  });

  it("resolves authorizeOA to { url: string }", () => {
    expectTypeOf<ZaloCloudClient["authorizeOA"]>().returns.resolves.toEqualTypeOf<AuthorizeOAResponse>();
    expectTypeOf<AuthorizeOAResponse>().toEqualTypeOf<{ url: string }>();
  });

  it("gives errors a numeric status and string code and msg", () => {
    expectTypeOf<EtelecomApiError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<EtelecomApiError["msg"]>().toEqualTypeOf<string>();
    expectTypeOf<EtelecomApiError["code"]>().toExtend<string>();
  });
});
