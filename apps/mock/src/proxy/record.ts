import { renameSync, writeFileSync } from "node:fs";
import {
  deref,
  isReference,
  jsonMedia,
  type MockDeclarations,
  type OpenApiDocument,
  type SpecOperation,
} from "@etelecom-zalo/openapi";
import type { CheckRecords, FixtureResource } from "../store/fixtures.js";
import { LIMITS } from "../store/store.js";
import { redactValue } from "./secrets.js";

/** Where an operation's success answer holds records of a resource: the body itself, or its `items` array. */
interface Source {
  resource: string;
  items?: string;
}

/** What a recorder needs: the file, the spec and its declarations, and the fixtures check of each resource. */
export interface RecordSetup {
  path: string;
  spec: OpenApiDocument;
  operations: SpecOperation[];
  declarations: MockDeclarations;
  resources: Record<string, FixtureResource>;
  checkRecords: CheckRecords;
  /** Receives one line when a record is left out (a cap) or the file cannot be written. */
  report?: (line: string) => void;
}

/** The label a caller's key is recorded under: never the key, which is a real eTelecom key here. */
export const recordedLabel = (index: number) => `recorded-${index}`;

/**
 * Which operations' answers hold records, read from the spec rather than named: an operation whose `x-mock` names a
 * resource and whose success schema is that resource's schema, or one the resource's schema extends (`allOf`); for
 * a list, the schema of its `items` array's entries. An operation that names a resource but answers something else
 * (a consent link) holds none.
 */
export function recordSources(
  spec: OpenApiDocument,
  operations: SpecOperation[],
  declarations: MockDeclarations,
): Map<string, Source> {
  const sources = new Map<string, Source>();
  for (const { operationId, object } of operations) {
    const declared = declarations.operations[operationId];
    if (declared === undefined || "stateless" in declared || declared.resource === undefined) continue;
    const resource = declarations.resources[declared.resource];
    if (resource === undefined) continue;
    const parts = (deref(spec, { $ref: resource.schema }) as { allOf?: unknown[] }).allOf ?? [];
    const isRecord = (schema: unknown) =>
      isReference(schema) &&
      (schema.$ref === resource.schema || parts.some((part) => isReference(part) && part.$ref === schema.$ref));
    const success = Object.keys(object.responses).find((status) => /^2\d\d$/.test(status));
    const schema = success === undefined ? undefined : jsonMedia(spec, object.responses[success])?.schema;
    if ("items" in declared) {
      const list =
        schema === undefined
          ? undefined
          : deref<{ properties?: Record<string, { items?: unknown }> }>(spec, schema as never);
      if (isRecord(list?.properties?.[declared.items]?.items)) {
        sources.set(operationId, { resource: declared.resource, items: declared.items });
      }
    } else if (isRecord(schema)) {
      sources.set(operationId, { resource: declared.resource });
    }
  }
  return sources;
}

/** What a line of the file costs beside a record's own JSON: indentation, a comma and a new line. */
const LINE_BYTES = 8;
/** What the lines that open and close one key's resource cost at most (`  "recorded-10000": {`, `"oa": [`, …). */
const BLOCK_BYTES = 64;

/**
 * Records the records eTelecom's successful answers hold, as a fixtures file the mock replays (`--fixtures`):
 * `{ "recorded-1": { "oa": [...] } }`, one label per caller's key in the order they came. A record seen again is
 * merged with what is known of it (a list's OA, then the same OA's quotas and webhook), keeps only its resource's
 * fields, has the call's secrets redacted, and is recorded only if the fixtures check takes it, within the store's
 * caps (the file stays within what `--fixtures` reads). The file is rewritten whole on each change, to a temporary file renamed over it: a mock stopped at any
 * moment, even killed, leaves the last complete recording. Throws if the file cannot be written at the start.
 */
export function createRecorder(setup: RecordSetup) {
  const { path, resources, checkRecords, report } = setup;
  const sources = recordSources(setup.spec, setup.operations, setup.declarations);
  const labels = new Map<string, string>();
  /** By label, resource and record identity (owner and key). */
  const recorded = new Map<string, Map<string, Map<string, Record<string, unknown>>>>();
  let bytes = 0;
  const capped = new Set<string>();

  /** Leaves a record out, saying why once per reason (a shop over a cap would otherwise say it on every call). */
  const leaveOut = (why: string): false => {
    if (!capped.has(why)) report?.(`record: ${why}; left out of ${path}`);
    capped.add(why);
    return false;
  };

  function serialise(): string {
    const labelBlocks = [...recorded].map(([label, byResource]) => {
      const resourceBlocks = [...byResource].map(
        ([name, records]) =>
          `    ${JSON.stringify(name)}: [\n${[...records.values()].map((record) => `      ${JSON.stringify(record)}`).join(",\n")}\n    ]`,
      );
      return `  ${JSON.stringify(label)}: {\n${resourceBlocks.join(",\n")}\n  }`;
    });
    return labelBlocks.length === 0 ? "{}\n" : `{\n${labelBlocks.join(",\n")}\n}\n`;
  }

  function write(): void {
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, serialise());
    renameSync(temporary, path);
  }

  try {
    write();
  } catch (failure) {
    throw new Error(
      `record ${path}: cannot write it (${(failure as NodeJS.ErrnoException).code ?? (failure as Error).message})`,
    );
  }

  /** Merges one record into a label's; whether anything changed. */
  function merge(label: string, name: string, record: Record<string, unknown>, secrets: readonly string[]): boolean {
    const resource = resources[name] as FixtureResource;
    const { key, owner, caps } = resource.declaration;
    if (typeof record[key] !== "string" && typeof record[key] !== "number") return false;
    // A record of an owned resource replays only under its owner, which it must name (a journey does not).
    if (owner !== undefined && typeof record[owner.field] !== "string") return false;
    const identity = JSON.stringify([owner === undefined ? null : record[owner.field], record[key]]);
    const byResource = recorded.get(label) ?? new Map<string, Map<string, Record<string, unknown>>>();
    const records = byResource.get(name) ?? new Map<string, Record<string, unknown>>();
    const before = records.get(identity);
    const merged = Object.fromEntries(
      Object.entries({ ...before, ...record }).filter(([field]) => resource.declared.has(field)),
    );
    const kept = redactValue(merged, secrets);
    if (checkRecords(name, [kept]).size > 0) return false;
    if (before !== undefined && JSON.stringify(before) === JSON.stringify(kept)) return false;
    const size = Buffer.byteLength(JSON.stringify(kept));
    if (size > caps.bytes) return leaveOut(`a record of ${name} over ${caps.bytes} bytes`);
    if (before === undefined && records.size >= caps.entries) {
      return leaveOut(`more than ${caps.entries} ${name} for ${label}`);
    }
    // What the file grows by: this record's line (less the one it replaces), and a block if it opens one.
    const growth =
      size +
      LINE_BYTES -
      (before === undefined ? 0 : Buffer.byteLength(JSON.stringify(before)) + LINE_BYTES) +
      (records.size === 0 ? BLOCK_BYTES : 0);
    if (bytes + growth > LIMITS.bytes) return leaveOut(`more than ${LIMITS.bytes} bytes of records`);
    bytes += growth;
    records.set(identity, kept);
    byResource.set(name, records);
    recorded.set(label, byResource);
    return true;
  }

  return {
    /** Records what `value`, the success answer of `operationId` to a call with `key`, holds of its resource. */
    record(operationId: string, key: string, value: unknown, secrets: readonly string[]): void {
      const source = sources.get(operationId);
      if (source === undefined || typeof value !== "object" || value === null) return;
      const held = source.items === undefined ? [value] : (value as Record<string, unknown>)[source.items];
      if (!Array.isArray(held)) return;
      let label = labels.get(key);
      if (label === undefined) {
        if (labels.size >= LIMITS.keys) {
          leaveOut(`more than ${LIMITS.keys} keys`);
          return;
        }
        label = recordedLabel(labels.size + 1);
      }
      let changed = false;
      for (const record of held) {
        if (typeof record !== "object" || record === null || Array.isArray(record)) continue;
        changed = merge(label, source.resource, record as Record<string, unknown>, secrets) || changed;
      }
      if (!changed) return;
      labels.set(key, label);
      try {
        write();
      } catch (failure) {
        report?.(
          `record: cannot write ${path} (${(failure as NodeJS.ErrnoException).code ?? (failure as Error).message})`,
        );
      }
    },
  };
}

export type Recorder = ReturnType<typeof createRecorder>;
