import { deref, loadSpec, type Reference } from "@etelecom-zalo/openapi";
import fc from "fast-check";

/** Fixed so that every run tries the same cases; change it to explore others. */
export const FUZZ = { seed: 20261129, numRuns: 40 } as const;

/** The parts of a JSON Schema the request bodies of this spec use. */
interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  enum?: unknown[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  minProperties?: number;
  maxProperties?: number;
}

/** The spec's one int64 type: a field whose schema refers to it travels as a decimal string. */
const INT64 = "#/components/schemas/Int64String";
const INT64_MAX = 2n ** 63n - 1n;
const spec = loadSpec();

/** The schema a (possibly `$ref`) schema stands for, keeping whether it is the int64 type. */
function resolve(schema: Schema | Reference): Schema & { int64: boolean } {
  return { ...deref<Schema>(spec, schema), int64: (schema as Reference).$ref === INT64 };
}

/** int64 IDs, biased to where a JS number breaks: around 2^53 and up to int64's maximum. */
export const int64 = fc
  .oneof(
    fc.bigInt({ min: 2n ** 53n - 64n, max: 2n ** 53n + 64n }),
    fc.bigInt({ min: INT64_MAX - 64n, max: INT64_MAX }),
    fc.bigInt({ min: 0n, max: INT64_MAX }),
  )
  .map(String);

/** Values a request body of this schema may hold: every required property, and any of the optional ones. */
export function validValue(input: Schema | Reference): fc.Arbitrary<unknown> {
  const schema = resolve(input);
  if (schema.int64) return int64;
  if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "object": {
      const properties = Object.entries(schema.properties ?? {});
      const named = fc.record(Object.fromEntries(properties.map(([name, property]) => [name, validValue(property)])), {
        requiredKeys: schema.required ?? [],
      });
      // A map of any names (ZNS parameters): a few entries of its values' schema.
      const values = typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined;
      const record = values
        ? fc
            .tuple(named, fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), validValue(values), { maxKeys: 5 }))
            .map(([known, more]) => ({ ...more, ...known }))
        : named;
      return record.filter((value) => Object.keys(value).length >= (schema.minProperties ?? 0));
    }
    case "boolean":
      return fc.boolean();
    case "array": {
      const size = { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 5, 5) };
      const items = validValue(schema.items as Schema);
      return schema.uniqueItems
        ? fc.uniqueArray(items, { ...size, selector: (item) => JSON.stringify(item) })
        : fc.array(items, size);
    }
    case "integer":
      return fc.integer({
        min: Math.max(schema.minimum ?? -(2 ** 31), -(2 ** 31)),
        max: Math.min(schema.maximum ?? 2 ** 31 - 1, 2 ** 31 - 1),
      });
    case "string": {
      const max = schema.maxLength ?? Number.POSITIVE_INFINITY;
      const pattern = schema.pattern === undefined ? undefined : new RegExp(schema.pattern, "u");
      if (pattern !== undefined && schema.format !== "uri") {
        return fc.stringMatching(pattern).filter((text) => [...text].length <= max);
      }
      if (schema.format === "uri") {
        return fc
          .oneof(
            fc.webUrl({ withQueryParameters: true }),
            fc
              .tuple(fc.webUrl(), fc.string({ unit: "grapheme", minLength: 1, maxLength: 20 }))
              .map(([url, value]) => `${url}?state=${encodeURIComponent(value)}&lang=vi`),
          )
          .filter((url) => url.length <= max && (pattern === undefined || pattern.test(url)));
      }
      if (schema.format === "date-time") {
        return fc
          .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true })
          .map((date) => date.toISOString());
      }
      // Short strings of any character (counted in UTF-16 units, as JSON Schema's lengths are), and long ones up
      // to the field's maximum, which a valid body may reach exactly.
      const short = (unit: "grapheme" | "binary") =>
        fc
          .string({ unit, minLength: schema.minLength ?? 0, maxLength: Math.min(64, max) })
          .filter((text) => [...text].length <= max);
      return fc.oneof(
        short("grapheme"),
        short("binary"),
        fc.string({ unit: "grapheme-ascii", minLength: Math.min(1000, max), maxLength: Math.min(4000, max) }),
      );
    }
    default:
      throw new Error(`no arbitrary for schema type ${schema.type}: extend schema-arbitraries.ts`);
  }
}

/** What a broken body breaks: the field the mock must name (dotted), and how. */
export interface Break {
  field: string;
  how:
    | "missing"
    | "wrong JSON type"
    | "empty"
    | "too long"
    | "not int64 digits"
    | "not a URI"
    | "out of range"
    | "not one of the values"
    | "not the pattern"
    | "too many items"
    | "extra field";
  /** Set for a field the client checks itself before sending (int64 and integer fields). */
  clientOwned: boolean;
  value?: unknown;
}

/** JSON values of every type, for "wrong type" breaks; `accepts` filters out the values of the field's own type. */
function wrongType(accepts: (value: unknown) => boolean): fc.Arbitrary<unknown> {
  return fc
    .oneof(
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 8 }),
      fc.array(fc.integer(), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
    )
    .filter((value) => !accepts(value));
}

/** Integers past a bound (up to 2^40 past it), in the direction given. */
function beyond(bound: number, direction: 1 | -1): fc.Arbitrary<number> {
  return fc.bigInt({ min: 1n, max: 2n ** 40n }).map((step) => Number(BigInt(bound) + BigInt(direction) * step));
}

/** Every way to break one field of this schema (nested fields included), each as an arbitrary. */
export function breaks(input: Schema | Reference, path = ""): fc.Arbitrary<Break>[] {
  const schema = resolve(input);
  const at = (field: string) => (path === "" ? field : `${path}.${field}`);
  if (schema.type !== "object") throw new Error("breaks() starts at an object schema");
  const found: fc.Arbitrary<Break>[] = [];
  for (const [name, propertyInput] of Object.entries(schema.properties ?? {})) {
    const field = at(name);
    const property = resolve(propertyInput);
    const clientOwned = property.int64 || property.type === "integer";
    const broken = (how: Break["how"], value: fc.Arbitrary<unknown>) =>
      value.map((v): Break => ({ field, how, clientOwned, value: v }));
    if (schema.required?.includes(name)) found.push(fc.constant({ field, how: "missing", clientOwned: false }));
    if (property.enum !== undefined) {
      const values = property.enum;
      found.push(
        broken(
          "not one of the values",
          fc.string({ minLength: 1, maxLength: 12 }).filter((v) => !values.includes(v)),
        ),
      );
    } else if (property.type === "boolean") {
      found.push(
        broken(
          "wrong JSON type",
          wrongType((v) => typeof v === "boolean"),
        ),
      );
    } else if (property.type === "array") {
      found.push(broken("wrong JSON type", wrongType(Array.isArray)));
      // Unique items past the maximum, where the items can be that many (two entities cannot make three).
      const items = resolve(property.items as Schema);
      const distinct = items.enum?.length ?? Number.POSITIVE_INFINITY;
      if (property.maxItems !== undefined && distinct > property.maxItems) {
        const count = property.maxItems + 1;
        found.push(
          broken(
            "too many items",
            fc.uniqueArray(validValue(items), {
              minLength: count,
              maxLength: count,
              selector: (item) => JSON.stringify(item),
            }),
          ),
        );
      }
    } else if (property.type === "object") {
      found.push(
        broken(
          "wrong JSON type",
          wrongType((v) => typeof v === "object" && v !== null && !Array.isArray(v)),
        ),
      );
      found.push(...breaks(propertyInput, field));
    } else if (property.type === "integer") {
      // A decimal string is an integer to the client, which sends it as a number.
      found.push(
        broken(
          "wrong JSON type",
          wrongType((v) => Number.isInteger(v) || (typeof v === "string" && /^-?\d+$/.test(v))),
        ),
      );
      if (property.maximum !== undefined) found.push(broken("out of range", beyond(property.maximum, 1)));
      if (property.minimum !== undefined) found.push(broken("out of range", beyond(property.minimum, -1)));
    } else if (property.type === "string") {
      found.push(
        broken(
          "wrong JSON type",
          wrongType((v) => typeof v === "string"),
        ),
      );
      if ((property.minLength ?? 0) > 0) found.push(broken("empty", fc.constant("")));
      if (property.maxLength !== undefined) {
        const over = property.maxLength + 1;
        const long = property.format === "uri" ? `https://shop.example.com/${"a".repeat(over)}` : "a".repeat(over);
        found.push(broken("too long", fc.constant(long)));
      }
      if (property.int64) {
        found.push(
          broken(
            "not int64 digits",
            fc.oneof(
              fc.string({ minLength: 1, maxLength: 20 }).filter((v) => !/^[0-9]+$/.test(v)),
              fc.stringMatching(/^[0-9]{20,25}$/),
              fc.bigInt({ min: INT64_MAX + 1n, max: 10n ** 19n - 1n }).map(String),
              fc.constant(""),
            ),
          ),
        );
      }
      if (property.pattern !== undefined && property.format !== "uri" && !property.int64) {
        const pattern = new RegExp(property.pattern, "u");
        found.push(
          broken(
            "not the pattern",
            fc.constantFrom("x", "+84 912 345 678", "0").filter((v) => !pattern.test(v)),
          ),
        );
      }
      if (property.format === "uri") {
        found.push(
          broken(
            "not a URI",
            fc.constantFrom("not a url", "/zalo/callback", "shop.example.com/cb", "https://exa mple.com/"),
          ),
        );
      }
    }
  }
  if (schema.additionalProperties === false) {
    found.push(
      fc
        .tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,15}$/), fc.jsonValue())
        .filter(([name]) => !(name in (schema.properties ?? {})))
        .map(([name, value]): Break => ({ field: at(name), how: "extra field", clientOwned: false, value })),
    );
  }
  return found;
}

/** Applies a break to a valid body: removes or sets the field at its dotted path, creating parents as needed. */
export function applyBreak(body: Record<string, unknown>, { field, how, value }: Break): Record<string, unknown> {
  const [head = "", ...rest] = field.split(".");
  if (rest.length === 0) {
    const { [head]: _, ...others } = body;
    return how === "missing" ? others : { ...body, [head]: value };
  }
  const inner = body[head];
  const parent = typeof inner === "object" && inner !== null ? (inner as Record<string, unknown>) : {};
  return { ...body, [head]: applyBreak(parent, { field: rest.join("."), how, value, clientOwned: false }) };
}

/** JSON bodies that are not an object. */
export const nonObjectBody = fc.oneof(
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

/**
 * The same body as a caller may also write it: int64 fields as bigints and integer fields as decimal strings
 * (the callback's `state`), which the client must send exactly as the valid body.
 */
export function callerForm(input: Schema | Reference, value: unknown): unknown {
  const schema = resolve(input);
  if (schema.int64 && typeof value === "string") return BigInt(value);
  if (schema.type === "integer" && typeof value === "number") return String(value);
  if (schema.type === "object" && typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => {
        const property = schema.properties?.[name];
        return [name, property ? callerForm(property, item) : item];
      }),
    );
  }
  return value;
}
