import type { Scope } from "@etelecom-zalo/client";
import { findOperation, loadSpec, readMockDeclarations } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { apiError } from "../support/api-error.js";
import { freshKey, methodOf, mockClient } from "../support/client.js";
import { connectedClient } from "../support/connect.js";

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

/**
 * The example a call answers when its owner (the OA) is there but the record it names is not, per operation whose
 * resource is owned: the documented request, naming an ID the mock never issues.
 */
const missingWithinOwner = Object.entries(operations).flatMap(([operationId, declaration]) => {
  if (!("missing" in declaration) || declaration.missing === undefined || declaration.resource === undefined) return [];
  const resource = resources[declaration.resource];
  if (resource?.owner === undefined) return [];
  return [{ operationId, example: declaration.missing, key: declaration.key ?? resource.key, owner: resource.owner }];
});

/** An ID of the key field's type that the mock never issues: its issued IDs and the spec's examples are smaller. */
const neverIssued = (value: unknown) => (typeof value === "number" ? Number.MAX_SAFE_INTEGER : "9223372036854775807");

/** The lists that refuse a cursor they did not issue, each side with its example, and the owner they list within. */
const cursors = Object.entries(operations).flatMap(([operationId, declaration]) =>
  "action" in declaration && declaration.action === "list" && declaration.bad_cursor
    ? Object.entries(declaration.bad_cursor).map(([side, example]) => ({
        operationId,
        side,
        example,
        owned: resources[declaration.resource]?.owner !== undefined,
      }))
    : [],
);

/** The value at a dotted path of a request body. */
const valueAt = (body: unknown, path: string) =>
  path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], body);

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

  it.each(missingWithinOwner)(
    "$operationId answers $example for a record its connected OA does not have",
    async ({ operationId, example, key, owner }) => {
      const request = findOperation(operationId).requestExample as Record<string, unknown>;
      const ownerId = (owner.by ?? [owner.field]).map((path) => valueAt(request, path)).find((id) => id !== undefined);
      const client = await connectedClient(scope, ownerId as string);
      const error = await apiError(methodOf(client, operationId)({ ...request, [key]: neverIssued(request[key]) }));
      const { status, body } = documented(operationId, example);
      expect(error).toMatchObject({ status, body });
    },
  );

  it.each(cursors)(
    "$operationId answers $example to a $side cursor it never issued",
    async ({ operationId, side, example, owned }) => {
      // The documented request names the owner (the OA) of an owned list, which must be connected to be listed.
      const request = findOperation(operationId).requestExample as { filter?: { oa_id?: string } };
      const client = owned
        ? await connectedClient(scope, request.filter?.oa_id as string)
        : mockClient({ scope, apiKey: freshKey() });
      const error = await apiError(methodOf(client, operationId)({ ...request, paging: { [side]: "Zm9yZ2Vk" } }));
      const { status, body } = documented(operationId, example);
      expect(error).toMatchObject({ status, body });
    },
  );
});
