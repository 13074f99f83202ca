// Compiles each operation's 200 check with ajv's standalone code generation: plain JavaScript functions that need
// no import at run time, so neither ajv nor any schema ships with the client.
//
// The check is compiled from a RELAXED copy of the 200 schema, because it must accept every answer a caller can
// use, not only the spec's ideal one: eTelecom's own examples break its enums, and a newer server may add fields.
// What a caller relies on stays (required fields, JSON types at every depth, allOf, arrays' items, maps' values);
// every other keyword is dropped (enum, const, pattern, lengths and bounds, additionalProperties: false, formats,
// not, if/then/else), and oneOf becomes anyOf, since relaxed branches may overlap.
import { deref, isReference } from "@etelecom-zalo/openapi";
import Ajv, { _ } from "ajv";
import { _Code } from "ajv/dist/compile/codegen/code.js";
import standaloneCode from "ajv/dist/standalone/index.js";

const COMPONENT = "#/components/schemas/";
// The relaxed components and the checks live in one schema, so every check shares one function per component
// (ajv compiles a $ref once per root schema); a check's name cannot collide with a component's, which has no space.
const SHARED = "checks";
const CHECK = "200 ";

/**
 * A `format: uri` string must be an absolute https: or http: URL, because callers send a browser to it (a
 * `javascript:` or `data:` link would run in the shop's page). It is checked by WHATWG URL parsing, the parser
 * the browser itself applies to the link, so the check and the browser cannot disagree at the edges, as a
 * hand-written URL pattern would (hosts, IPv6, escapes). `URL` is a global in every runtime the client supports.
 */
function isHttpUrl(value) {
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

/** Returns the standalone ESM source that exports one check per operation, named after its method. */
export function compileResponseChecks(spec, operations) {
  const ajv = new Ajv({
    code: { source: true, esm: true, lines: true },
    // A component of more than 4 keywords (the OA) becomes one function that every check calls, not a copy per
    // use; a smaller one (Int64String's bare `type: string`) is cheaper inlined than called.
    inlineRefs: 4,
    strict: true,
  });
  ajv.addKeyword({
    keyword: "httpUrl",
    type: "string",
    schemaType: "boolean",
    error: { message: "must be an absolute https: or http: URL" },
    code(cxt) {
      const check = cxt.gen.scopeValue("func", { ref: isHttpUrl, code: new _Code(isHttpUrl.toString()) });
      cxt.fail(_`!${check}(${cxt.data})`);
    },
  });
  const components = new Map();
  // Wrapped in allOf: ajv follows a schema that is only a $ref to a copy of its target, which it then compiles
  // again instead of calling the shared function.
  const checks = operations.map(({ name, success }) => [
    `${CHECK}${name}`,
    { allOf: [relax(spec, success, components)] },
  ]);
  const $defs = Object.fromEntries([...components].sort(([a], [b]) => a.localeCompare(b)));
  ajv.addSchema({ $id: SHARED, $defs: { ...$defs, ...Object.fromEntries(checks) } });
  const source = standaloneCode(
    ajv,
    Object.fromEntries(operations.map(({ name }) => [name, `${SHARED}#/$defs/${CHECK}${name}`])),
  );
  if (/\brequire\s*\(|^\s*import\b/m.test(source)) {
    throw new Error("ajv's standalone code needs a runtime import, which the client's bundle must not have");
  }
  return source;
}

/** The relaxed copy of a schema; the components it references are relaxed once into `components`. */
function relax(spec, schema, components) {
  if (isReference(schema)) {
    if (!schema.$ref.startsWith(COMPONENT)) throw new Error(`only component $refs are supported, got ${schema.$ref}`);
    const name = schema.$ref.slice(COMPONENT.length);
    if (!components.has(name)) {
      components.set(name, {});
      components.set(name, relax(spec, deref(spec, schema), components));
    }
    return { $ref: `${SHARED}#/$defs/${name}` };
  }
  const out = {};
  if (schema.type !== undefined) out.type = schema.type;
  if (schema.format === "uri") out.httpUrl = true;
  if (schema.required !== undefined) out.required = schema.required;
  if (schema.properties !== undefined) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([key, value]) => [key, relax(spec, value, components)]),
    );
  }
  if (schema.items !== undefined) out.items = relax(spec, schema.items, components);
  if (typeof schema.additionalProperties === "object") {
    out.additionalProperties = relax(spec, schema.additionalProperties, components);
  }
  if (schema.allOf !== undefined) out.allOf = schema.allOf.map((branch) => relax(spec, branch, components));
  const alternatives = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
  if (alternatives.length > 0) out.anyOf = alternatives.map((branch) => relax(spec, branch, components));
  return out;
}
