import { createRequire } from "node:module";
import { findOperation, listOperations, specPath } from "@etelecom-zalo/openapi";
import prismHttp from "@stoplight/prism-http";
import { describe, expect, it } from "vitest";
import { createMockEngine, type MockEngine } from "../../src/index.js";
import { engineConsent, ORIGIN } from "../engine.js";
import { connectBodyOf } from "../flow.js";
import { pathOf, validBody } from "../use-mock.js";

const require = createRequire(import.meta.url);
const { validateOutput } = require("@stoplight/prism-http/dist/validator/index.js") as {
  validateOutput(input: { resource: unknown; element: unknown }): { _tag: "Left" | "Right"; left?: unknown[] };
};
const operations = new Map((await prismHttp.getHttpOperationsFromSpec(specPath)).map((o) => [o.iid, o]));

/** Calls an operation; fails unless the answer fits the spec's schema for its status, as the contract audit checks. */
async function fitting(engine: MockEngine, operationId: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await engine.handle(
    new Request(`${ORIGIN}${pathOf(operationId)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer fit", ...headers },
      body: JSON.stringify(body),
    }),
  );
  const answer = await response.json();
  const problems = validateOutput({
    resource: operations.get(operationId),
    element: { statusCode: response.status, headers: { "content-type": "application/json" }, body: answer },
  });
  expect(problems._tag === "Left" ? problems.left : [], `${operationId} ${response.status}`).toEqual([]);
  return { status: response.status, body: answer };
}

describe("every answer the state makes fits the spec's schema for its status", () => {
  it("through the whole flow, its errors and paging", async () => {
    const engine = await createMockEngine({
      fixtures: {
        fit: { oa: Array.from({ length: 3 }, (_, index) => ({ oa_id: `${index + 1}`, name: "OA", status: "P" })) },
      },
    });
    const { body } = await fitting(engine, "AuthorizeOA", validBody);
    const connect = connectBodyOf(await engineConsent(engine, body.url));
    expect((await fitting(engine, "ConnectOA", { ...connect, state: 1 })).status).toBe(400);
    expect((await fitting(engine, "ConnectOA", connect)).status).toBe(200);
    expect((await fitting(engine, "ConnectOA", connect)).status).toBe(400);
    const page = await fitting(engine, "ListOA", { paging: { limit: 2 } });
    await fitting(engine, "ListOA", { paging: { limit: 2, after: page.body.paging.next } });
    expect((await fitting(engine, "ListOA", { paging: { after: "x" } })).status).toBe(400);
    await fitting(engine, "UpdateShopOA", { oa_id: connect.oa_id, webhook_url: "https://shop.example.com/hook" });
    await fitting(engine, "GetShopOA", { oa_id: connect.oa_id });
    await fitting(engine, "RefreshToken", { oa_id: connect.oa_id });
    for (const operationId of ["GetShopOA", "RefreshToken"]) {
      expect((await fitting(engine, operationId, { oa_id: "999" })).status).toBe(404);
    }
  });

  it.each(listOperations().map(({ operationId }) => operationId))("in dynamic mode, for %s", async (operationId) => {
    const engine = await createMockEngine({ dynamic: true, stateless: true });
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await fitting(engine, operationId, findOperation(operationId).requestExample)).status).toBe(200);
    }
  });
});
