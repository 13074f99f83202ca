import { EtelecomApiError, type Scope } from "@etelecom-zalo/client";
import { documentedExamples, findOperation } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { methodOf, mockClient } from "../support/client.js";

// Built from the spec: an operation, response or example added to it is replayed here with no edit, and the
// coverage gate in the global teardown proves that nothing was left out.
const cases = documentedExamples().flatMap(({ operationId, status, example, value }) =>
  example === null ? [] : [{ operationId, status, example, value }],
);

describe.each<Scope>(["shop", "partner"])("every documented response, as %s", (scope) => {
  it.each(cases)(
    "$operationId answers $status $example through the client",
    async ({ operationId, status, example, value }) => {
      const client = mockClient({ scope, tweaks: { prefer: `example=${example}` } });
      // No retries: a forced 429 or 503 answers the same every time, and a retry of a read would only wait.
      const call = methodOf(client, operationId)(findOperation(operationId).requestExample, { retries: 0 });
      if (status < 400) {
        await expect(call).resolves.toEqual(value);
        return;
      }
      const error = await call.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EtelecomApiError);
      const { code, msg } = value as { code: string; msg: string };
      expect(error).toMatchObject({ status, code, msg, body: value });
    },
  );
});
