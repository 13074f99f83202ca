import { listOperations } from "./list-operations.js";
import { deref, type OpenApiDocument, specPath } from "./load-spec.js";

/**
 * The mock's behaviour as the document declares it (`x-mock-resources` and each operation's `x-mock`), in the
 * format of `openapi/x-mock.schema.json`. Read here, beside the rest of the document, so that the mock, the spec's
 * lint and the contract tests all read one declaration the same way.
 */

/** How a list filter field compares with a record's field. */
export type Match = "equals" | "contains" | "from" | "to" | "in" | "any";

/** What a declared value is: `$body.<field>`, `$now`, `$int64`, `$shop_id`, or a literal. */
export type DeclaredValue = string | number | boolean | null;

/** One resource the stateful mock stores. */
export interface ResourceDeclaration {
  description: string;
  /** A local `$ref` to the schema each record fits. */
  schema: string;
  /** The record field that identifies a record within its owner. */
  key: string;
  /** The fields lists sort by, the key last. */
  order: string[];
  /**
   * Records belong to a record of another resource: the record `field` naming it, the body fields naming it (the
   * first given wins; `[field]` when absent); absent: records belong to the API key alone.
   */
  owner?: { resource: string; field: string; by?: string[]; missing: string };
  caps: { entries: number; bytes: number };
  /** The mock's hook that fills what a fixture entry leaves out and makes dynamic mode's records. */
  sample?: string;
  /** The mock's hook that shows a record as it stands on the mock's clock, whenever it is read or listed. */
  view?: string;
}

/** A filter field of a list: the record field it reads and how it compares. */
export interface FilterDeclaration {
  field: string;
  match: Match;
  /** Another filter field whose value picks the record field (`fields[value]`), `field` when it is not given. */
  by?: string;
  fields?: Record<string, string>;
}

/** A filter field as the document may write it: `name: contains`, or the long form. */
export type DeclaredFilter = Match | { field?: string; match: Match; by?: string; fields?: Record<string, string> };

/** How the stateful mock answers one operation. */
export type OperationDeclaration =
  | { stateless: true }
  | {
      action: "hook";
      hook: string;
      resource?: string;
      key?: string;
      missing?: string;
      /** Values given to the hook, evaluated like `fill`. */
      with?: Record<string, DeclaredValue>;
    }
  | {
      action: "read" | "update";
      resource: string;
      key?: string;
      missing?: string;
      set?: Record<string, DeclaredValue>;
    }
  | { action: "create"; resource: string; fill: Record<string, DeclaredValue> }
  | {
      action: "list";
      resource: string;
      items: string;
      filter?: Record<string, DeclaredFilter>;
      bad_cursor?: { after: string; before: string };
      /** `false`: every record in one answer, without `paging`. */
      paged?: boolean;
    }
  | { action: "delete"; resource: string; key?: string; missing: string; items: string };

/** Every declaration of a document, as `x-mock.schema.json` describes the whole. */
export interface MockDeclarations {
  resources: Record<string, ResourceDeclaration>;
  /** By operationId; an operation without `x-mock` is absent. */
  operations: Record<string, OperationDeclaration>;
}

/** Where the format's JSON Schema is, for the lint and for the mock's own check at startup. */
export const mockDeclarationsSchemaPath = specPath.replace(/openapi\.yaml$/, "x-mock.schema.json");

/** The declarations of a document as they are written, before any check (see {@link checkMockDeclarations}). */
export function readMockDeclarations(spec: OpenApiDocument): MockDeclarations {
  const operations: Record<string, OperationDeclaration> = {};
  for (const { operationId, object } of listOperations(spec)) {
    const declared = (object as { "x-mock"?: OperationDeclaration })["x-mock"];
    if (declared !== undefined) operations[operationId] = declared;
  }
  return { resources: (spec["x-mock-resources"] ?? {}) as Record<string, ResourceDeclaration>, operations };
}

/** A list filter field's declaration in its long form: `name: contains` is `{ field: name, match: contains }`. */
export function filterOf(name: string, declared: DeclaredFilter): FilterDeclaration {
  return typeof declared === "string"
    ? { field: name, match: declared }
    : { ...declared, field: declared.field ?? name };
}

/** The named examples an operation documents, over all its statuses. */
function exampleNames(spec: OpenApiDocument, operationId: string): Set<string> {
  const operation = listOperations(spec).find((candidate) => candidate.operationId === operationId);
  return new Set(operation?.responses.flatMap(({ examples }) => [...examples.keys()]));
}

/**
 * What the format's JSON Schema cannot say: every operation has a declaration, each names a resource that is
 * declared, an example its operation documents, a schema the document has. Each problem is one line naming the
 * operation or resource; none for a sound document. `hooks` are the hook names the reader knows, when it knows them
 * (the mock does; the spec's lint does not).
 */
export function checkMockDeclarations(spec: OpenApiDocument, hooks?: ReadonlySet<string>): string[] {
  const { resources, operations } = readMockDeclarations(spec);
  const problems: string[] = [];
  const resourceNamed = (where: string, name: string | undefined) => {
    if (name !== undefined && !Object.hasOwn(resources, name)) {
      problems.push(`${where}: no resource ${name} in x-mock-resources (it has ${Object.keys(resources).join(", ")})`);
    }
  };
  const hookNamed = (where: string, name: string | undefined) => {
    if (name !== undefined && hooks !== undefined && !hooks.has(name)) {
      problems.push(`${where}: the mock has no hook ${name} (it has ${[...hooks].join(", ")})`);
    }
  };
  for (const [name, resource] of Object.entries(resources)) {
    try {
      deref(spec, { $ref: resource.schema });
    } catch {
      problems.push(`x-mock-resources.${name}.schema: ${resource.schema} is not in the document`);
    }
    resourceNamed(`x-mock-resources.${name}.owner`, resource.owner?.resource);
    hookNamed(`x-mock-resources.${name}.sample`, resource.sample);
    hookNamed(`x-mock-resources.${name}.view`, resource.view);
  }
  for (const { operationId } of listOperations(spec)) {
    const declared = operations[operationId];
    if (declared === undefined) {
      problems.push(
        `${operationId} has no x-mock: declare how the stateful mock answers it (or x-mock: { stateless: true })`,
      );
      continue;
    }
    if ("stateless" in declared) continue;
    const where = `${operationId} x-mock`;
    resourceNamed(where, declared.resource);
    if ("hook" in declared) hookNamed(where, declared.hook);
    const examples = exampleNames(spec, operationId);
    const owner = declared.resource === undefined ? undefined : resources[declared.resource]?.owner;
    const named = [
      "missing" in declared ? declared.missing : undefined,
      ...("bad_cursor" in declared && declared.bad_cursor ? Object.values(declared.bad_cursor) : []),
      owner?.missing,
    ];
    for (const example of named) {
      if (example !== undefined && !examples.has(example)) {
        problems.push(`${where}: ${operationId} documents no example ${example}`);
      }
    }
  }
  return problems;
}
