import type { Scope } from "@etelecom-zalo/client";
import { findOperation, listOperations } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { apiError } from "../support/api-error.js";
import { freshKey, methodOf, mockClient } from "../support/client.js";
import { RATE_LIMIT } from "../support/transports.js";

// 429 provoked for real (no Prefer) on every operation: the mock started with a rate limit refuses a key's call past
// its limit, the only way a request gets resource_exhausted without asking for it.
describe.each(listOperations().map((operation) => operation.operationId))("%s, rate-limited", (operationId) => {
  const { requestExample } = findOperation(operationId);

  it.each<Scope>(["shop", "partner"])(
    "answers a key's call past its limit with 429 and Retry-After (%s)",
    async (scope) => {
      const client = mockClient({ scope, apiKey: freshKey(), rateLimited: true });
      const call = () => methodOf(client, operationId)(requestExample, { retries: 0 });
      // The first call is answered as the state decides (a success, or a documented refusal of the example's ids).
      for (let index = 0; index < RATE_LIMIT.requests; index++) await call().catch(() => undefined);
      const error = await apiError(call());
      expect(error).toMatchObject({ status: 429, code: "resource_exhausted" });
      expect(error.msg).toMatch(/^too many requests: at most 1 per 3600 s for this key, retry after \d+ s$/);
    },
  );
});
