import { listOperations } from "@etelecom-zalo/openapi";
import type { IHttpRequest } from "@stoplight/prism-http";
import { describe, expect, it } from "vitest";
import { loadShared } from "../../src/core/prism.js";
import { requestValidator } from "../../src/validator/validate-request.js";

const shared = await loadShared();
const validate = requestValidator(shared);

/** Bodies of every kind the validator must judge as Prism's whole validateInput does, from an operation's example. */
function bodies(example: Record<string, unknown>): unknown[] {
  const [first = "x"] = Object.keys(example);
  const { [first]: _, ...missing } = example;
  return [
    example,
    missing,
    {},
    { ...example, [first]: 12 },
    { ...example, [first]: null },
    { ...example, [first]: "" },
    { ...example, extra: true },
    [example],
    "text",
    42,
    0,
    false,
    null,
    undefined,
  ];
}

describe.each(listOperations())(
  "$operationId's request validation",
  ({ operationId, pathTemplate, requestExample }) => {
    const resource = shared.prismOperations.get(operationId);
    if (resource === undefined) throw new Error(`Prism has no operation ${operationId}`);

    it.each(bodies(requestExample as Record<string, unknown>).map((body) => [JSON.stringify(body), body]))(
      "judges %s exactly as Prism's whole validateInput does",
      (_, body) => {
        const input: IHttpRequest = {
          method: "post",
          url: { path: pathTemplate.replace("{scope}", "partner"), query: {} },
          headers: { "content-type": "application/json; charset=utf-8", "content-length": "10" },
          body,
        };
        const full = shared.validateInput({ resource, element: input });
        expect(validate(resource, input)).toEqual(full._tag === "Left" ? full.left : []);
      },
    );
  },
);
