import type { IPrismDiagnostic } from "@stoplight/prism-core";
import type { CheckOA } from "../state/fixtures.js";
import { declaredProperties } from "./keep-declared.js";
import type { Shared } from "./load-shared.js";
import { clause } from "./validation-message.js";

/** `ValidationContext.Output` of Prism's validator: check a value as a response. */
const OUTPUT = 1;

/**
 * Checks a fixture OA against the spec's schema of an OA as `GetShopOA` answers it (the OA and its shop fields),
 * with Prism's own validator, and refuses keys the schema does not declare (a misspelt field would otherwise be
 * ignored), `redirect_uri` aside.
 */
export function fixtureChecker(shared: Shared): CheckOA {
  const schema = shared.prismOperations
    .get("GetShopOA")
    ?.responses.find((response) => response.code === "200")
    ?.contents?.find((content) => content.mediaType === "application/json")?.schema;
  if (schema === undefined) throw new Error("the spec has no GetShopOA 200 schema to check fixtures against");
  const declared = { ...declaredProperties(schema), redirect_uri: {} };
  return (oa) => {
    const found = shared.validateAgainstSchema(
      oa,
      schema as Parameters<Shared["validateAgainstSchema"]>[1],
      false,
      OUTPUT,
      "body",
    );
    if (found._tag === "Some") {
      return found.value.map((diagnostic: IPrismDiagnostic) => {
        const [field, what] = clause(diagnostic, true);
        return [field === "body" ? "" : field, what];
      });
    }
    const unknown = Object.keys(oa as object).find((key) => !Object.hasOwn(declared, key));
    return unknown === undefined ? [] : [[unknown, "is not a known field of an OA"]];
  };
}
