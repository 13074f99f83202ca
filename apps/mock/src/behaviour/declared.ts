import type { MockDeclarations, OperationDeclaration, ResourceDeclaration } from "@etelecom-zalo/openapi";
import type { Hook, Hooks, Outcome } from "../hooks/hook.js";
import { listPage, type Paging } from "../store/paging.js";
import type { KeyData, Place, Store } from "../store/store.js";
import { applyValues, valueAt } from "../store/values.js";

/** What the declared behaviour of one call reads. */
export interface DeclaredContext {
  operationId: string;
  declarations: MockDeclarations;
  hooks: Hooks;
  store: Store;
  data: KeyData;
  body: Record<string, unknown>;
  base: string;
}

/** A declaration that keeps state: every form but `stateless`. */
export type Stateful = Exclude<OperationDeclaration, { stateless: true }>;
type Of<Action> = Extract<Stateful, { action: Action }>;

/** A declaration's resource, resolved: its declaration and where the call's records are. */
interface Scope {
  resource: ResourceDeclaration;
  place: Place;
}

/** Where a declaration's records are: for a resource owned by another, under the owner the body names. */
function scopeOf(name: string, context: DeclaredContext): Scope | Outcome {
  const resource = context.declarations.resources[name] as ResourceDeclaration;
  const { owner } = resource;
  if (owner === undefined) return { resource, place: { resource: name } };
  const id = String(valueAt(context.body, owner.by));
  if (context.store.get(context.data, { resource: owner.resource }, id) === undefined) {
    return { example: owner.missing, why: `${owner.resource} ${id} is not there` };
  }
  return { resource, place: { resource: name, owner: id } };
}

/** The record the body names, or the declared `missing` example; a declaration without one is a loud 500. */
function lookUp(declaration: { key?: string; missing?: string }, { resource, place }: Scope, context: DeclaredContext) {
  const id = String(valueAt(context.body, declaration.key ?? resource.key));
  const record = context.store.get(context.data, place, id);
  if (record !== undefined) return { record, id };
  if (declaration.missing !== undefined) {
    return { outcome: { example: declaration.missing, why: `${place.resource} ${id} is not there` } };
  }
  throw new Error(
    `${context.operationId}: no ${place.resource} ${id}, and its x-mock declares no \`missing\` example to answer that`,
  );
}

/** Stores a record, or the 400 the store's caps give it. */
function save(
  scope: Scope,
  id: string,
  record: Record<string, unknown>,
  why: string,
  context: DeclaredContext,
): Outcome {
  const refused = context.store.put(context.data, scope.place, id, record, scope.resource.caps);
  return refused === undefined ? { value: record, why } : { invalid: refused, why: "refused by the store's caps" };
}

function hook(declaration: Of<"hook">, scope: Scope | undefined, context: DeclaredContext): Outcome {
  const wantsRecord = scope !== undefined && (declaration.missing ?? declaration.key) !== undefined;
  const found = wantsRecord ? lookUp(declaration, scope, context) : undefined;
  if (found?.outcome) return found.outcome;
  const { body, store, data, base } = context;
  return (context.hooks.hooks[declaration.hook] as Hook).answer({
    body,
    store,
    data,
    base,
    caps: scope?.resource.caps ?? { entries: 0, bytes: 0 },
    ...(declaration.resource && { resource: declaration.resource }),
    ...(found?.record && { record: found.record }),
  });
}

function readOrUpdate(declaration: Of<"read" | "update">, scope: Scope, context: DeclaredContext): Outcome {
  const found = lookUp(declaration, scope, context);
  if (found.outcome) return found.outcome;
  const { resource } = scope.place;
  if (declaration.action === "read") return { value: found.record, why: `${resource} ${found.id} read` };
  const next = applyValues(found.record, declaration.set ?? {}, { ...context, now: context.store.now() });
  return save(scope, found.id, next, `${resource} ${found.id} updated`, context);
}

function create(declaration: Of<"create">, scope: Scope, context: DeclaredContext): Outcome {
  const record = applyValues({}, declaration.fill, { ...context, now: context.store.now() });
  const id = String(record[scope.resource.key]);
  return save(scope, id, record, `${scope.place.resource} ${id} created`, context);
}

function list(declaration: Of<"list">, { resource, place }: Scope, context: DeclaredContext): Outcome {
  const records = context.store.list(context.data, place);
  const shape = { ...resource, resource: place.resource, ...(declaration.filter && { filter: declaration.filter }) };
  const page = listPage(shape, records, context.body as { filter?: Record<string, unknown>; paging?: Paging });
  if ("badCursor" in page) {
    const msg = `paging.${page.badCursor}: is not a cursor of this list`;
    const example = declaration.bad_cursor?.[page.badCursor];
    return example === undefined ? { invalid: msg, why: msg } : { example, why: msg };
  }
  return {
    value: { [declaration.items]: page.items, paging: page.paging },
    why: `${page.items.length} of ${records.length} ${place.resource} listed`,
  };
}

/**
 * Stage 6's stateful part: runs an operation's `x-mock` against the store. CRUD is declared (read, update with
 * `set`, create with `fill`, list with `filter` and cursors); a hook gets the record its declaration looked up.
 */
export function runDeclared(declaration: Stateful, context: DeclaredContext): Outcome {
  const scope = declaration.resource === undefined ? undefined : scopeOf(declaration.resource, context);
  if (scope !== undefined && !("place" in scope)) return scope;
  if (declaration.action === "hook") return hook(declaration, scope, context);
  const resolved = scope as Scope;
  if (declaration.action === "create") return create(declaration, resolved, context);
  if (declaration.action === "list") return list(declaration, resolved, context);
  return readOrUpdate(declaration, resolved, context);
}
