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

/**
 * `value` without the keys its schema does not declare, at every depth, in the schema's order: what the state keeps
 * (a stored OA has its webhook) may be more than an operation answers (ConnectOA answers an OA, which has none).
 */
export function keepDeclared(value: unknown, schema: unknown): unknown {
  if (Array.isArray(value)) {
    const items = isObject(schema) ? (schema as Schema).items : undefined;
    return items === undefined ? value : value.map((item) => keepDeclared(item, items));
  }
  const properties = isObject(value) ? declaredProperties(schema) : undefined;
  if (properties === undefined) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(properties)
      .filter((key) => object[key] !== undefined)
      .map((key) => [key, keepDeclared(object[key], properties[key])]),
  );
}
