import { deref, jsonMedia, listOperations, loadSpec } from "@etelecom-zalo/openapi";
import { describe, expect, it } from "vitest";
import { useMock } from "../use-mock.js";

const mock = useMock();
const spec = loadSpec();

/** The paths in `value` of keys its schema does not declare (following `$ref`, `allOf` and `items`). */
function undeclaredKeys(value: unknown, schema: unknown, path = ""): string[] {
  const resolved = deref<Record<string, unknown>>(spec, schema as Record<string, unknown>);
  const parts = [resolved, ...((resolved.allOf as unknown[] | undefined) ?? [])].map((part) =>
    deref<Record<string, unknown>>(spec, part as Record<string, unknown>),
  );
  if (Array.isArray(value)) {
    const items = parts.find((part) => part.items)?.items;
    return value.flatMap((item, index) => undeclaredKeys(item, items, `${path}[${index}]`));
  }
  if (typeof value !== "object" || value === null) return [];
  const properties = Object.assign({}, ...parts.map((part) => part.properties ?? {})) as Record<string, unknown>;
  return Object.entries(value).flatMap(([key, child]) =>
    key in properties ? undeclaredKeys(child, properties[key], `${path}.${key}`) : [`${path}.${key}`],
  );
}

describe("Prefer: dynamic=true on a mock started without --dynamic", () => {
  it.each(listOperations(spec).map((operation) => [operation.operationId, operation] as const))(
    "%s answers only the properties its schema declares",
    async (_name, operation) => {
      const schema = jsonMedia(spec, operation.object.responses["200"])?.schema;
      for (let attempt = 0; attempt < 10; attempt++) {
        const response = await mock.post(operation.pathTemplate.replace("{scope}", "shop"), {
          body: operation.requestExample,
          headers: { Prefer: "dynamic=true" },
        });
        expect(response.status).toBe(200);
        expect(undeclaredKeys(await response.json(), schema)).toEqual([]);
      }
    },
  );

  it("answers a realistic https consent link, not a random URI", async () => {
    for (let attempt = 0; attempt < 10; attempt++) {
      const response = await mock.post(undefined, { headers: { Prefer: "dynamic=true" } });
      const { url } = (await response.json()) as { url: string };
      expect(url).not.toContain(",");
      const link = new URL(url);
      expect(link.protocol).toBe("https:");
      expect(link.pathname).toBe("/v4/oa/permission");
      expect([...link.searchParams.keys()]).toEqual(["app_id", "redirect_uri", "code_challenge", "state"]);
      expect(link.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(link.searchParams.get("state")).toMatch(/^[1-9][0-9]*$/);
    }
  });
});
