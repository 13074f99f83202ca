import { readFileSync } from "node:fs";
import {
  checkMockDeclarations,
  deref,
  type MockDeclarations,
  mockDeclarationsSchemaPath,
  readMockDeclarations,
} from "@etelecom-zalo/openapi";
import type { IPrismDiagnostic } from "@stoplight/prism-core";
import { declaredProperties } from "../core/keep-declared.js";
import type { Shared } from "../core/prism.js";
import { clause } from "../core/validation-message.js";
import type { Hooks } from "../hooks/hook.js";
import type { CheckRecords, FixtureResource } from "../store/fixtures.js";

/** `ValidationContext.Output` of Prism's validator: check a value as a response would be. */
const OUTPUT = 1;

let formatSchema: unknown;

/** What the format's JSON Schema finds wrong with the declarations, by Prism's validator; snapshot-spec.mjs too. */
export function formatProblems(
  shared: Pick<Shared, "validateAgainstSchema">,
  declarations: MockDeclarations,
): string[] {
  formatSchema ??= JSON.parse(readFileSync(mockDeclarationsSchemaPath, "utf8"));
  const found = shared.validateAgainstSchema(declarations, formatSchema as never, false, OUTPUT, "x-mock");
  return found._tag === "Some" ? found.value.map((d: IPrismDiagnostic) => clause(d, true).join(": ")) : [];
}

/**
 * The spec's `x-mock` declarations, checked as the spec's lint checks them (the format's JSON Schema, then what a
 * schema cannot say) and against the hooks this engine was given. Throws one Error listing every problem, so the
 * mock refuses to start on an unknown resource or hook rather than answer from examples without a word.
 */
export function loadDeclarations(shared: Shared, hooks: Hooks): MockDeclarations {
  const declarations = readMockDeclarations(shared.spec);
  const problems = shared.declarationsChecked ? [] : formatProblems(shared, declarations);
  problems.push(
    ...checkMockDeclarations(
      shared.spec,
      new Set([...Object.keys(hooks.hooks), ...Object.keys(hooks.samples), ...Object.keys(hooks.views ?? {})]),
    ),
  );
  if (problems.length > 0) throw new Error(`the spec's x-mock declarations are not sound: ${problems.join("; ")}`);
  return declarations;
}

/**
 * What the fixtures check needs of each resource, and the check of one record against its resource's schema, by
 * Prism's own validator (the one requests go through), with the document's components to resolve `$ref`s.
 */
export function fixtureResources(shared: Shared, declarations: MockDeclarations, hooks: Hooks) {
  const resources: Record<string, FixtureResource> = {};
  const schemas = new Map<string, unknown>();
  for (const [name, declaration] of Object.entries(declarations.resources)) {
    const schema = { type: "array", items: { $ref: declaration.schema }, components: shared.spec.components };
    schemas.set(name, schema);
    const properties = declaredProperties(deref(shared.spec, { $ref: declaration.schema }));
    const allOf = (deref(shared.spec, { $ref: declaration.schema }) as { allOf?: unknown[] }).allOf ?? [];
    const declared = new Set([
      ...Object.keys(properties ?? {}),
      ...allOf.flatMap((part) => Object.keys(declaredProperties(deref(shared.spec, part as { $ref: string })) ?? {})),
    ]);
    const sample = declaration.sample === undefined ? undefined : hooks.samples[declaration.sample];
    resources[name] = { declaration, declared, extraFields: sample?.extraFields ?? {} };
  }
  const checkRecords: CheckRecords = (resource, records) => {
    const found = shared.validateAgainstSchema(records, schemas.get(resource) as never, false, OUTPUT, "body");
    const problems = new Map<number, [string, string][]>();
    if (found._tag !== "Some") return problems;
    for (const diagnostic of found.value as IPrismDiagnostic[]) {
      // The path is the record's index, then the field: `3.name` is the field `name` of the fourth record.
      const [at, what] = clause(diagnostic, true);
      const [index = "", ...field] = at.split(".");
      const list = problems.get(Number(index)) ?? [];
      list.push([field.join("."), what]);
      problems.set(Number(index), list);
    }
    return problems;
  };
  return { resources, checkRecords };
}
