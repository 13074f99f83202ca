import type { ResourceDeclaration } from "@etelecom-zalo/openapi";
import { LIMITS } from "./store.js";

/** Records of each resource to start from, per Bearer key: `{ "<key>": { "oa": [ {...}, ... ] } }`. */
export type Fixtures = Record<string, Record<string, Record<string, unknown>[]>>;

/**
 * Checks a resource's records against its schema, all at once (a validator's overhead per call dwarfs the check of
 * one small record, and fixtures at the caps hold a million): each bad record's problems by its index, each as a
 * field (`""` for the record itself) and what is wrong.
 */
export type CheckRecords = (resource: string, records: unknown[]) => Map<number, [field: string, what: string][]>;

/** What the fixtures check needs of each resource: its declaration, and the fields its sample hook also takes. */
export interface FixtureResource {
  declaration: ResourceDeclaration;
  /** Fields a fixture entry may give beyond the schema's (a hook's own, like an OA's `redirect_uri`), checked. */
  extraFields: Readonly<Record<string, (value: unknown) => string | undefined>>;
  /** The schema's own properties, which are the only other fields an entry may give. */
  declared: ReadonlySet<string>;
}

const describe = (value: unknown) =>
  Array.isArray(value)
    ? "an array"
    : value === null
      ? "null"
      : `a ${typeof value === "object" ? "JSON object" : typeof value}`;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** A key a `Bearer` header can carry: RFC 6750's b64token characters. */
const BEARER_KEY = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The fields holding a number JSON.parse read as infinite (`1e400`): JSON Schema's `integer` accepts it, and
 * JSON.stringify would answer it as `null`.
 */
function nonFinite(value: Record<string, unknown>, path = "", found: string[] = []): string[] {
  for (const key in value) {
    const child = value[key];
    if (typeof child === "number" && !Number.isFinite(child)) found.push(path + key);
    else if (typeof child === "object" && child !== null)
      nonFinite(child as Record<string, unknown>, `${path}${key}.`, found);
  }
  return found;
}

/** Every problem of one entry, joined: a fixture missing two fields says both. */
function entryProblems(
  name: string,
  resource: FixtureResource,
  record: unknown,
  found: [field: string, what: string][] = [],
): string | undefined {
  const problems = found.map(([field, what]) => `${field || "(the entry)"}: ${what}`);
  if (isObject(record)) {
    for (const field in record) {
      const value = record[field];
      const extra = resource.extraFields[field];
      const problem = extra
        ? extra(value)
        : resource.declared.has(field)
          ? undefined
          : `is not a known field of ${name}`;
      if (problem !== undefined) problems.push(`${field}: ${problem}`);
    }
    for (const field of nonFinite(record)) problems.push(`${field}: is too large a number (JSON reads it as infinite)`);
  }
  return problems.length === 0 ? undefined : [...new Set(problems)].join("; ");
}

/**
 * Checks fixtures before the mock starts: the keys, each resource's entries against its schema and caps. Throws an
 * Error whose message is one line naming the key, the resource and the entry, with every problem of that entry,
 * e.g. `fixtures["shop-a"].oa[2]: name: is required; status: is required`.
 */
export function checkFixtures(
  fixtures: unknown,
  resources: Record<string, FixtureResource>,
  checkRecords: CheckRecords,
): Fixtures {
  const fail = (where: string, what: string): never => {
    throw new Error(`fixtures${where}: ${what}`);
  };
  if (!isObject(fixtures)) return fail("", `must be a JSON object of Bearer keys, not ${describe(fixtures)}`);
  const keys = Object.entries(fixtures);
  if (keys.length > LIMITS.keys) fail("", `must hold at most ${LIMITS.keys} keys, not ${keys.length}`);
  for (const [key, byResource] of keys) {
    const at = `[${JSON.stringify(key)}]`;
    if (!BEARER_KEY.test(key)) fail(at, "is not a key a Bearer header can carry (RFC 6750: letters, digits, -._~+/)");
    if (Array.isArray(byResource)) {
      fail(at, `must be a JSON object of resources ({"oa": [...]}), not an array: put the OAs under "oa"`);
    }
    if (!isObject(byResource)) fail(at, `must be a JSON object of resources, not ${describe(byResource)}`);
    for (const [name, records] of Object.entries(byResource as Record<string, unknown>)) {
      const resource = resources[name];
      if (resource === undefined) fail(`${at}.${name}`, `is not a resource (${Object.keys(resources).join(", ")})`);
      const { key: id, owner, caps } = (resource as FixtureResource).declaration;
      if (!Array.isArray(records)) fail(`${at}.${name}`, `must be an array, not ${describe(records)}`);
      const perOwner = new Map<unknown, Set<unknown>>();
      const invalid = checkRecords(name, records as unknown[]);
      (records as unknown[]).forEach((record, index) => {
        const where = `${at}.${name}[${index}]`;
        const problems = entryProblems(name, resource as FixtureResource, record, invalid.get(index));
        if (problems !== undefined) fail(where, problems);
        const size = Buffer.byteLength(JSON.stringify(record));
        if (size > caps.bytes) fail(where, `is ${size} bytes as JSON, over the mock's limit of ${caps.bytes}`);
        const entry = record as Record<string, unknown>;
        const group = owner === undefined ? undefined : entry[owner.field];
        if (owner !== undefined && typeof group !== "string") {
          fail(`${where}.${owner.field}`, `must name the ${owner.resource} the entry belongs to`);
        }
        const seen = perOwner.get(group) ?? new Set();
        perOwner.set(group, seen);
        if (seen.has(entry[id])) fail(`${where}.${id}`, `${String(entry[id])} is already an earlier entry of this key`);
        seen.add(entry[id]);
        if (seen.size > caps.entries) fail(where, `is one more than the ${caps.entries} ${name} the mock keeps`);
      });
    }
  }
  return fixtures as Fixtures;
}
