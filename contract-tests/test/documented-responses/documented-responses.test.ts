import { EtelecomApiError, type Scope } from "@etelecom-zalo/client";
import { describe, expect, it } from "vitest";
import { mockClient } from "../support/client.js";
import { shopApp as body, documentedExample as example } from "../support/fixtures.js";

// Written out by hand on purpose: a response or example added to the spec without a line here is never
// exercised, and the coverage gate in the global teardown turns the run red.
const errorExamples: [status: number, example: string][] = [
  [400, "missing_field"],
  [400, "invalid_app_id"],
  [400, "malformed_json"],
  [401, "missing_authorization"],
  [404, "unknown_route"],
  [404, "wrong_content_type"],
  [500, "internal"],
];

describe.each<Scope>(["shop", "partner"])("every documented AuthorizeOA response, as %s", (scope) => {
  it("resolves the 200 consent_link example to { url }", async () => {
    const result = await mockClient(scope, { prefer: "code=200, example=consent_link" }).authorizeOA(body);
    expect(result).toEqual(example(200, "consent_link"));
  });

  it.each(errorExamples)("rejects the %i %s example with an EtelecomApiError carrying it", async (status, name) => {
    const expected = example(status, name) as { code: string; msg: string };
    const error = await mockClient(scope, { prefer: `code=${status}, example=${name}` })
      .authorizeOA(body)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtelecomApiError);
    expect(error).toMatchObject({ status, code: expected.code, msg: expected.msg, body: expected });
  });
});
