import type { Scope } from "@etelecom-zalo/client";
import { findOperation, listOperations } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { apiError } from "../support/api-error.js";
import { methodOf, mockClient } from "../support/client.js";

/** Sends `body` as it is, past the client's own checks, through openapi-fetch's raw client. */
function sendRaw(scope: Scope, path: string, body: unknown, serialize?: () => string) {
  return mockClient({ scope }).raw.POST(
    path as never,
    {
      params: { path: { scope } },
      body: body as never,
      ...(serialize && { bodySerializer: serialize }),
    } as never,
  ) as Promise<{ error?: unknown; response: Response }>;
}

// Every shared error, provoked for real (no Prefer) on every operation: the coverage gate demands each
// (operation, status) but 500 once without Prefer, and these are the ways any operation gets them.
describe.each(listOperations().map((operation) => operation.operationId))("%s, provoked for real", (operationId) => {
  const { pathTemplate, requestExample } = findOperation(operationId);
  const call = (scope: Scope, body: unknown, tweaks = {}) => methodOf(mockClient({ scope, tweaks }), operationId)(body);

  it.each<Scope>(["shop", "partner"])("answers a field it does not take with 400 unknown_field (%s)", async (scope) => {
    const error = await apiError(call(scope, { ...(requestExample as object), extra: true }));
    expect(error).toMatchObject({ status: 400, code: "invalid_argument", msg: "extra: is not a known field" });
  });

  it("answers a body that is not JSON with 400 malformed_json", async () => {
    const { response, error } = await sendRaw("shop", pathTemplate, requestExample, () => '{"oa_id": "1",');
    expect(response.status).toBe(400);
    expect(error).toEqual({ code: "invalid_argument", msg: "body: is not valid JSON" });
  });

  it("answers a JSON body that is not an object with 400 not_an_object", async () => {
    const { response, error } = await sendRaw("partner", pathTemplate, [requestExample]);
    expect(response.status).toBe(400);
    expect(error).toEqual({ code: "invalid_argument", msg: "body: must be an object" });
  });

  it("answers a call without Authorization with 401 unauthenticated", async () => {
    const error = await apiError(call("shop", requestExample, { drop: ["Authorization"] }));
    expect(error).toMatchObject({ status: 401, code: "unauthenticated", msg: "missing Authorization header" });
  });

  it("answers a body sent without Content-Type: application/json with 404 bad_route", async () => {
    const error = await apiError(call("partner", requestExample, { set: { "Content-Type": "text/plain" } }));
    expect(error).toMatchObject({ status: 404, code: "bad_route", msg: 'unexpected Content-Type: "text/plain"' });
  });

  it.each([
    ["an unknown scope", pathTemplate.replace("{scope}", "admin")],
    ["a misspelt method", `${pathTemplate.replace("{scope}", "shop")}s`],
  ])("answers %s with 404 bad_route naming the path", async (_, path) => {
    const { response, error } = await sendRaw("shop", path, requestExample);
    expect(response.status).toBe(404);
    expect(error).toEqual({ code: "bad_route", msg: `no handler for path ${path}` });
  });
});
