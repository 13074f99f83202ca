import type { Scope } from "@etelecom-zalo/client";
import { findOperation, loadSpec, readMockDeclarations } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { apiError } from "../support/api-error.js";
import { freshKey, methodOf, mockClient } from "../support/client.js";

// Built from each operation's x-mock: what its declared behaviour answers on a key that has nothing, for real
// (no Prefer). The coverage gate demands every operation's own examples produced this way or by a flow test, so
// an operation whose declaration lost its `missing` fails the run, naming the example it no longer produces.
const spec = loadSpec();
const { resources, operations } = readMockDeclarations(spec);

/** The example that a call on a fresh key must answer, per operation: its record, or its owner, is not there. */
const missing = Object.entries(operations).flatMap(([operationId, declaration]) => {
  if ("stateless" in declaration || declaration.resource === undefined) return [];
  const owner = resources[declaration.resource]?.owner?.missing;
  const example = owner ?? ("missing" in declaration ? declaration.missing : undefined);
  return example === undefined ? [] : [{ operationId, example }];
});

/** The lists that refuse a cursor they did not issue, each side with its example. */
const cursors = Object.entries(operations).flatMap(([operationId, declaration]) =>
  "action" in declaration && declaration.action === "list" && declaration.bad_cursor
    ? Object.entries(declaration.bad_cursor).map(([side, example]) => ({ operationId, side, example }))
    : [],
);

/** The documented body of an example, by name, whatever its status. */
function documented(operationId: string, example: string) {
  const response = findOperation(operationId).responses.find(({ examples }) => examples.has(example));
  return { status: response?.status, body: response?.examples.get(example) };
}

describe.each<Scope>(["shop", "partner"])("the declared behaviour, without Prefer, as %s", (scope) => {
  it.each(missing)("$operationId answers $example on a key that has nothing", async ({ operationId, example }) => {
    const call = methodOf(mockClient({ scope, apiKey: freshKey() }), operationId);
    const error = await apiError(call(findOperation(operationId).requestExample));
    const { status, body } = documented(operationId, example);
    expect(error).toMatchObject({ status, body });
  });

  it.each(cursors)(
    "$operationId answers $example to a $side cursor it never issued",
    async ({ operationId, side, example }) => {
      const call = methodOf(mockClient({ scope, apiKey: freshKey() }), operationId);
      const error = await apiError(call({ paging: { [side]: "Zm9yZ2Vk" } }));
      const { status, body } = documented(operationId, example);
      expect(error).toMatchObject({ status, body });
    },
  );
});
