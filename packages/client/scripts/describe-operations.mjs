// Reads what the client needs of each operation from the spec, through @etelecom-zalo/openapi (the one reader of
// it): the method name, the path, the request fields the client converts or redacts, whether it is a cursor
// list, and whether it is safe to repeat. Anything the runtime could not handle generically stops the generation
// with a message, rather than producing a client that silently skips a field.
import { deref, isReference, jsonMedia, listOperations } from "@etelecom-zalo/openapi";

const INT64 = "#/components/schemas/Int64String";
const CURSOR_PAGING = "#/components/schemas/CursorPaging";
const PAGE_INFO = "#/components/schemas/PageInfo";
// A request field named like this that is not marked `writeOnly` would reach error messages unredacted.
const SECRET_NAME = /secret|password/i;

/** The operationId in lowerCamelCase: `CreateLink` -> `createLink`, `OAConnect` -> `oaConnect`, `GetOA` -> `getOA`. */
export function methodName(operationId) {
  const leadingCapitals = /^[A-Z]+(?=[A-Z][a-z]|$)/.exec(operationId)?.[0] ?? operationId.slice(0, 1);
  return leadingCapitals.toLowerCase() + operationId.slice(leadingCapitals.length);
}

/** Every operation of the spec as the client's generator describes it, in the spec's order. */
export function describeOperations(spec) {
  const operations = listOperations(spec).map((operation) => describe(spec, operation));
  const names = new Set();
  for (const { name, operationId } of operations) {
    if (name === "raw")
      throw new Error(`${operationId}: its method name "raw" is the client's raw openapi-fetch client`);
    if (names.has(name)) throw new Error(`${operationId}: two operations would both be the method ${name}`);
    names.add(name);
  }
  return operations;
}

function describe(spec, { operationId, method, pathTemplate, object, requestMedia }) {
  const where = `${operationId} (${method.toUpperCase()} ${pathTemplate})`;
  const pathParameters = (object.parameters ?? []).map((p) => deref(spec, p)).filter((p) => p.in === "path");
  if (pathParameters.map((p) => p.name).join() !== "scope") {
    throw new Error(`${where}: the client fills in exactly one path parameter, scope`);
  }
  if (requestMedia?.schema === undefined) throw new Error(`${where}: the client sends a JSON body, and it has none`);
  const success = jsonMedia(spec, object.responses["200"])?.schema;
  if (success === undefined) throw new Error(`${where}: it documents no JSON 200 response`);
  const fields = { int64: [], integer: [], secrets: [] };
  collectFields(spec, requestMedia.schema, [], fields, where, new Set());
  return {
    name: methodName(operationId),
    operationId,
    method: method.toUpperCase(),
    path: pathTemplate,
    // Only an explicit mark makes an operation safe to repeat: a new operation is never retried by default.
    idempotent: object["x-idempotent"] === true,
    summary: object.summary ?? operationId,
    tag: object.tags?.[0] ?? "",
    required: deref(spec, requestMedia.schema).required ?? [],
    ...fields,
    list: cursorList(spec, requestMedia.schema, success, where),
    success,
  };
}

/** Finds the int64, integer and secret fields of a request schema, nested objects included. */
function collectFields(spec, schema, path, fields, where, visiting) {
  if (isReference(schema)) {
    if (schema.$ref === INT64) return void fields.int64.push(path);
    if (visiting.has(schema.$ref)) return;
    visiting.add(schema.$ref);
  }
  const resolved = deref(spec, schema);
  const types = [resolved.type ?? []].flat();
  const field = path.join(".");
  if (types.includes("integer")) fields.integer.push(path);
  if (types.includes("string") && resolved.writeOnly === true) fields.secrets.push(path);
  if (types.includes("string") && !resolved.writeOnly && SECRET_NAME.test(path.at(-1) ?? "")) {
    throw new Error(`${where}: ${field} looks like a secret; mark it writeOnly: true so errors redact it`);
  }
  for (const branch of resolved.allOf ?? []) collectFields(spec, branch, path, fields, where, visiting);
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    collectFields(spec, property, [...path, name], fields, where, visiting);
  }
  for (const keyword of ["items", "anyOf", "oneOf", "additionalProperties"]) {
    const nested = { int64: [], integer: [], secrets: [] };
    for (const sub of [resolved[keyword] ?? []].flat()) {
      if (typeof sub === "object") collectFields(spec, sub, [...path, keyword], nested, where, visiting);
    }
    if (Object.values(nested).some((list) => list.length > 0)) {
      throw new Error(`${where}: the client converts fields of fixed objects only, not under ${keyword} at ${field}`);
    }
  }
  if (isReference(schema)) visiting.delete(schema.$ref);
}

/**
 * A cursor list is recognised by its shape, not its name: the request's `paging` is a CursorPaging, and the 200
 * has a `paging` PageInfo plus exactly one array, the page's items.
 */
function cursorList(spec, request, success, where) {
  const requestPaging = deref(spec, request).properties?.paging;
  const response = deref(spec, success);
  const responsePaging = response.properties?.paging;
  if (requestPaging?.$ref !== CURSOR_PAGING || responsePaging?.$ref !== PAGE_INFO) return null;
  if (
    deref(spec, requestPaging).properties?.after === undefined ||
    deref(spec, responsePaging).properties?.next === undefined
  ) {
    throw new Error(`${where}: the client pages with paging.after and paging.next, which the paging schemas lack`);
  }
  const arrays = Object.entries(response.properties).filter(([, schema]) => deref(spec, schema).type === "array");
  if (arrays.length !== 1) {
    throw new Error(`${where}: a cursor list's 200 needs exactly one array of items, found ${arrays.length}`);
  }
  return { items: arrays[0][0] };
}
