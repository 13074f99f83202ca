import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Absolute path of the OpenAPI document that every package derives from. */
// Not `new URL("../openapi.yaml", import.meta.url)`: Vite rewrites that form into a URL on the page's origin when it
// transforms this module for a DOM test environment (happy-dom, jsdom), where the mock's MSW handlers may load it.
export const specPath = join(dirname(fileURLToPath(import.meta.url)), "..", "openapi.yaml");

/** A local reference, `{ "$ref": "#/components/..." }`. */
export interface Reference {
  $ref: string;
}

/** The parts of an OpenAPI media type this project reads. */
export interface MediaTypeObject {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, { summary?: string; value?: unknown } | Reference>;
}

/** A request body or a response: what carries content. */
export interface ContentContainer {
  description?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

/** The parts of an OpenAPI parameter this project reads. */
export interface ParameterObject {
  name: string;
  in: string;
  required?: boolean;
  schema?: { enum?: unknown[] } & Record<string, unknown>;
}

/** The parts of an OpenAPI operation this project reads. */
export interface OperationObject {
  operationId: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: (ParameterObject | Reference)[];
  requestBody?: ContentContainer | Reference;
  responses: Record<string, ContentContainer | Reference>;
}

/** The parsed OpenAPI document, as plain JSON data. */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, OperationObject>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

const parsed = new Map<string, OpenApiDocument>();

/** Reads and parses the OpenAPI document once per path; callers must not mutate what it returns. */
export function loadSpec(path = specPath): OpenApiDocument {
  let spec = parsed.get(path);
  if (spec === undefined) {
    // YAML aliases (the spec reuses one OA example by alias) become plain shared objects, as JSON would have.
    // Loaded here, not imported: the built mock reads a JSON snapshot and never pays for the YAML parser (~50 ms).
    const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
    spec = parse(readFileSync(path, "utf8"), { maxAliasCount: 100 }) as OpenApiDocument;
    parsed.set(path, spec);
  }
  return spec;
}

/** Tells a local `$ref` apart from the object it stands for. */
export function isReference(value: unknown): value is Reference {
  return typeof value === "object" && value !== null && typeof (value as Reference).$ref === "string";
}

/** Follows local `$ref`s (`#/components/...`) until it reaches what they point at. */
export function deref<T>(spec: OpenApiDocument, value: T | Reference): T {
  let current: unknown = value;
  for (let hops = 0; isReference(current); hops++) {
    if (hops > 32) throw new Error(`$ref cycle at ${current.$ref}`);
    const ref: string = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split("/")
      .reduce<unknown>(
        (node, segment) =>
          (node as Record<string, unknown> | undefined)?.[segment.replaceAll("~1", "/").replaceAll("~0", "~")],
        spec,
      );
    if (current === undefined) throw new Error(`unresolved $ref ${ref}`);
  }
  return current as T;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}
