import type { MockDeclarations, OperationDeclaration, ResourceDeclaration } from "@etelecom-zalo/openapi";
import type { Hook, Hooks, Outcome, Records } from "../hooks/hook.js";
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

/** A declaration's resource, resolved: its declaration, where the call's records are, and their owner. */
interface Scope {
  resource: ResourceDeclaration;
  place: Place;
  owner?: Record<string, unknown>;
}

/**
 * The records of every resource under one owner (or none), as hooks and declarations see them: a place not yet
 * written is seeded once by its resource's sample, and each record is shown through its resource's view. Exported
 * for the mock's events, which read and change records as a call would.
 */
export function recordsOf(
  context: Pick<DeclaredContext, "store" | "data" | "declarations" | "hooks">,
  owner: { id: string; record: Record<string, unknown> } | undefined,
): Records {
  const { store, data, declarations, hooks } = context;
  const declared = (name: string) => declarations.resources[name] as ResourceDeclaration;
  const placeOf = (name: string): Place => {
    const resource = declared(name);
    return resource.owner === undefined || owner === undefined
      ? { resource: name }
      : { resource: name, owner: owner.id };
  };
  const opened = (name: string) => {
    const place = placeOf(name);
    if (place.owner === undefined || store.has(data, place)) return place;
    store.open(data, place);
    const resource = declared(name);
    const seed = resource.sample === undefined ? undefined : hooks.samples[resource.sample]?.seed;
    // Seeds are the mock's own data, made to fit the caps; a refusal here would be the mock's bug, and loud.
    seed?.(owner?.record ?? {}, { store, data, index: 0 }).forEach((record) => {
      const refused = store.put(data, place, String(record[resource.key]), record, resource.caps);
      if (refused !== undefined) throw new Error(`seeding ${name}: ${refused}`);
    });
    return place;
  };
  const shown = (name: string) => {
    const view = declared(name).view;
    const show = view === undefined ? undefined : hooks.views?.[view]?.show;
    const now = store.now();
    return (record: Record<string, unknown>) => (show === undefined ? record : show(record, now));
  };
  const records: Records = {
    get(name, id) {
      const record = store.get(data, opened(name), id);
      return record === undefined ? undefined : shown(name)(record);
    },
    list: (name) => store.list(data, opened(name)).map(shown(name)),
    put: (name, id, record) => store.put(data, opened(name), id, record, declared(name).caps),
    remove: (name, id) => store.remove(data, opened(name), id),
  };
  return records;
}

/** Where a declaration's records are: for a resource owned by another, under the owner the body names. */
function scopeOf(name: string, context: DeclaredContext): Scope | Outcome {
  const resource = context.declarations.resources[name] as ResourceDeclaration;
  const { owner } = resource;
  if (owner === undefined) return { resource, place: { resource: name } };
  const named = (owner.by ?? [owner.field]).map((path) => valueAt(context.body, path)).find((id) => id !== undefined);
  const id = String(named);
  const record = context.store.get(context.data, { resource: owner.resource }, id);
  if (record === undefined) return { example: owner.missing, why: `${owner.resource} ${id} is not there` };
  return { resource, place: { resource: name, owner: id }, owner: record };
}

/** The record the body names, or the declared `missing` example; a declaration without one is a loud 500. */
function lookUp(
  declaration: { key?: string; missing?: string },
  { resource, place }: Scope,
  records: Records,
  context: DeclaredContext,
) {
  const id = String(valueAt(context.body, declaration.key ?? resource.key));
  const record = records.get(place.resource, id);
  if (record !== undefined) return { record, id };
  if (declaration.missing !== undefined) {
    return { outcome: { example: declaration.missing, why: `${place.resource} ${id} is not there` } };
  }
  throw new Error(
    `${context.operationId}: no ${place.resource} ${id}, and its x-mock declares no \`missing\` example to answer that`,
  );
}

/** Stores a record, or the 400 the store's caps give it. */
function save(records: Records, scope: Scope, id: string, record: Record<string, unknown>, why: string): Outcome {
  const refused = records.put(scope.place.resource, id, record);
  return refused === undefined ? { value: record, why } : { invalid: refused, why: "refused by the store's caps" };
}

function hook(declaration: Of<"hook">, scope: Scope | undefined, records: Records, context: DeclaredContext): Outcome {
  const wantsRecord = scope !== undefined && (declaration.missing ?? declaration.key) !== undefined;
  const found = wantsRecord ? lookUp(declaration, scope, records, context) : undefined;
  if (found?.outcome) return found.outcome;
  const { body, store, data, base } = context;
  return (context.hooks.hooks[declaration.hook] as Hook).answer({
    body,
    store,
    data,
    base,
    records,
    given: applyValues({}, declaration.with ?? {}, { body, data, now: store.now() }),
    caps: scope?.resource.caps ?? { entries: 0, bytes: 0 },
    ...(declaration.resource && { resource: declaration.resource }),
    ...(found?.record && { record: found.record }),
    ...(scope?.owner && { owner: scope.owner }),
  });
}

function readOrUpdate(
  declaration: Of<"read" | "update">,
  scope: Scope,
  records: Records,
  context: DeclaredContext,
): Outcome {
  const found = lookUp(declaration, scope, records, context);
  if (found.outcome) return found.outcome;
  const { resource } = scope.place;
  if (declaration.action === "read") return { value: found.record, why: `${resource} ${found.id} read` };
  const next = applyValues(found.record, declaration.set ?? {}, { ...context, now: context.store.now() });
  return save(records, scope, found.id, next, `${resource} ${found.id} updated`);
}

function create(declaration: Of<"create">, scope: Scope, records: Records, context: DeclaredContext): Outcome {
  const record = applyValues({}, declaration.fill, { ...context, now: context.store.now() });
  const id = String(record[scope.resource.key]);
  return save(records, scope, id, record, `${scope.place.resource} ${id} created`);
}

function list(declaration: Of<"list">, { resource, place }: Scope, records: Records, context: DeclaredContext) {
  const all = records.list(place.resource);
  if (declaration.paged === false) {
    return { value: { [declaration.items]: all }, why: `${all.length} ${place.resource} listed` };
  }
  const shape = { ...resource, resource: place.resource, ...(declaration.filter && { filter: declaration.filter }) };
  const page = listPage(shape, all, context.body as { filter?: Record<string, unknown>; paging?: Paging });
  if ("badCursor" in page) {
    const msg = `paging.${page.badCursor}: is not a cursor of this list`;
    const example = declaration.bad_cursor?.[page.badCursor];
    return example === undefined ? { invalid: msg, why: msg } : { example, why: msg };
  }
  return {
    value: { [declaration.items]: page.items, paging: page.paging },
    why: `${page.items.length} of ${all.length} ${place.resource} listed`,
  };
}

function remove(declaration: Of<"delete">, scope: Scope, records: Records, context: DeclaredContext): Outcome {
  const { resource } = scope.place;
  const id = String(valueAt(context.body, declaration.key ?? scope.resource.key));
  if (!records.remove(resource, id)) return { example: declaration.missing, why: `${resource} ${id} is not there` };
  return { value: { [declaration.items]: records.list(resource) }, why: `${resource} ${id} deleted` };
}

/**
 * Stage 6's stateful part: runs an operation's `x-mock` against the store. CRUD is declared (read, update with
 * `set`, create with `fill`, list with `filter` and cursors, delete); a hook gets the record its declaration looked
 * up, its owner, and the records of every resource under that owner.
 */
export function runDeclared(declaration: Stateful, context: DeclaredContext): Outcome {
  const scope = declaration.resource === undefined ? undefined : scopeOf(declaration.resource, context);
  if (scope !== undefined && !("place" in scope)) return scope;
  const owner =
    scope?.owner && scope.place.owner !== undefined ? { id: scope.place.owner, record: scope.owner } : undefined;
  const records = recordsOf(context, owner);
  if (declaration.action === "hook") return hook(declaration, scope, records, context);
  const resolved = scope as Scope;
  if (declaration.action === "create") return create(declaration, resolved, records, context);
  if (declaration.action === "list") return list(declaration, resolved, records, context);
  if (declaration.action === "delete") return remove(declaration, resolved, records, context);
  return readOrUpdate(declaration, resolved, records, context);
}
