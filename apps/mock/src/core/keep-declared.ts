/** A JSON Schema as Prism inlines it, as far as {@link keepDeclared} reads it. */
interface Schema {
  properties?: Record<string, unknown>;
  allOf?: unknown[];
  items?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The properties an object schema declares, its `allOf` parts' included; undefined when it declares none. */
export function declaredProperties(schema: unknown): Record<string, unknown> | undefined {
  if (!isObject(schema)) return undefined;
  const { properties, allOf } = schema as Schema;
  const parts = (allOf ?? []).map(declaredProperties).filter((part) => part !== undefined);
  if (properties === undefined && parts.length === 0) return undefined;
  return Object.assign({}, ...parts, properties);
}

/** What {@link keepDeclared} needs of an object schema: its declared properties, and their keys in order. */
type Shape = { keys: string[]; properties: Record<string, unknown> } | null;

/** Each schema's shape, worked out once: the schemas are the spec's, and an answer walks the same ones every time. */
const shapes = new WeakMap<object, Shape>();

function shapeOf(schema: Record<string, unknown>): Shape {
  let shape = shapes.get(schema);
  if (shape === undefined) {
    const properties = declaredProperties(schema);
    shape = properties === undefined ? null : { keys: Object.keys(properties), properties };
    shapes.set(schema, shape);
  }
  return shape;
}

/**
 * `value` without the keys its schema does not declare, at every depth, in the schema's order: what the state keeps
 * (a stored OA has its webhook) may be more than an operation answers (one that answers the OA schema has none).
 */
export function keepDeclared(value: unknown, schema: unknown): unknown {
  if (!isObject(schema)) return value;
  if (Array.isArray(value)) {
    const { items } = schema as Schema;
    return items === undefined ? value : value.map((item) => keepDeclared(item, items));
  }
  const shape = isObject(value) ? shapeOf(schema) : null;
  if (shape === null) return value;
  const object = value as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const key of shape.keys) {
    if (object[key] !== undefined) kept[key] = keepDeclared(object[key], shape.properties[key]);
  }
  return kept;
}
