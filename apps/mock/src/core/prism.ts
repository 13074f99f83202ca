import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { listOperations, loadSpec, type OpenApiDocument, type SpecOperation, specPath } from "@etelecom-zalo/openapi";
import type { IHttpConfig } from "@stoplight/prism-http";

type PrismHttp = typeof import("@stoplight/prism-http");
type PrismCore = typeof import("@stoplight/prism-core");
type PrismOperations = typeof import("@stoplight/prism-http/dist/utils/operations.js");
type PrismValidator = typeof import("@stoplight/prism-http/dist/validator/index.js");
type PrismSchemaValidator = typeof import("@stoplight/prism-http/dist/validator/validators/utils.js");
type PrismValidators = typeof import("@stoplight/prism-http/dist/validator/validators/index.js");
type PrismHeaders = typeof import("@stoplight/prism-http/dist/validator/validators/headers.js");

/** One operation of the spec, as Prism reads it. */
export type PrismOperation = Awaited<ReturnType<PrismHttp["getHttpOperationsFromSpec"]>>[number];

/** What every engine in a process shares, loaded once per spec: the spec, its operations, and Prism. */
export interface Shared {
  spec: OpenApiDocument;
  /**
   * The build's snapshot of this spec, whose `x-mock` the build checked against the format's JSON Schema: compiling
   * that schema costs a start about 75 ms and 5 MiB, so a start from the snapshot does not do it again.
   */
  declarationsChecked: boolean;
  /** The reader's operations, in the spec's order. */
  operations: SpecOperation[];
  /** Prism's form of each operation, by operationId (Prism's `iid`). */
  prismOperations: Map<string, PrismOperation>;
  /** Prism's mocker, loaded on first use: only answers without a named example, and dynamic mode, need it. */
  prism(): ReturnType<PrismHttp["createInstance"]>;
  config: IHttpConfig;
  /** Prism's request validator, the one its own request pipeline runs. */
  validateInput: PrismValidator["validateInput"];
  /** The body part of {@link validateInput}, which it runs beside the path, query and header ones. */
  validateBody: PrismValidators["validateBody"];
  /** How {@link validateInput} reads `Content-Type`: `[multipart boundary, media type]`. */
  parseMIMEHeader: PrismHeaders["parseMIMEHeader"];
  /** Prism's JSON Schema validator (Ajv with the formats Prism supports). */
  validateAgainstSchema: PrismSchemaValidator["validateAgainstSchema"];
}

const require = createRequire(import.meta.url);

/** Puts a stand-in for the module at `path` in the require cache, whose `exports` load the real one on first use. */
function defer(path: string, load: () => object, exportsOf: (lazy: object) => unknown): void {
  if (require.cache[path]) return;
  let real: object | undefined;
  const lazy = new Proxy(
    {},
    {
      get: (_, key) => {
        if (!real) {
          delete require.cache[path];
          real = load();
        }
        return Reflect.get(real, key);
      },
    },
  );
  const Module = require("node:module") as new (id: string) => NodeJS.Module;
  const stub = new Module(path);
  stub.filename = path;
  stub.loaded = true;
  stub.exports = exportsOf(lazy);
  require.cache[path] = stub;
}

/**
 * Makes `@faker-js/faker` load on first use instead of at import. Prism's JSON Schema generator requires the whole
 * faker package (every locale, about 0.6 s of a 1 s startup) but only touches it for schemas with a `faker`
 * keyword, which this spec has none of.
 */
function deferFaker(requireFromPrism: NodeJS.Require): void {
  const path = requireFromPrism.resolve("@faker-js/faker");
  defer(
    path,
    () => requireFromPrism("@faker-js/faker").default,
    (lazy) => ({ __esModule: true, default: lazy }),
  );
}

/**
 * Makes Prism's reader of Postman collections load on first use instead of at import: it requires
 * postman-collection and faker's English locale (about 0.2 s and 12 MiB) for a document that is OpenAPI here.
 */
function deferPostman(requireFromPrism: NodeJS.Require): void {
  const path = requireFromPrism.resolve("@stoplight/http-spec/postman/operation");
  defer(
    path,
    () => requireFromPrism(path),
    (lazy) => lazy,
  );
}

/** Prism's mocker (with its forwarder and JSON Schema generator, about 0.3 s to load), configured as the mock needs. */
function createPrism(requireFromPrism: NodeJS.Require, config: IHttpConfig): ReturnType<PrismHttp["createInstance"]> {
  const prismHttp = require("@stoplight/prism-http") as PrismHttp;
  const prismCore = require("@stoplight/prism-core") as PrismCore;
  // As `prism mock --json-schema-faker-fillProperties=false`, for every generated body, whichever way dynamic mode
  // was asked for: generated bodies hold the schema's own properties, not random extra ones that a frontend would
  // mistake for API fields. The option is global to the generator, so it is set once per process.
  const { JSONSchemaFaker } = requireFromPrism("json-schema-faker") as {
    JSONSchemaFaker: { option(name: string, value: unknown): void };
  };
  JSONSchemaFaker.option("fillProperties", false);
  return prismHttp.createInstance(config, { logger: prismCore.createLogger("MOCK", { level: "silent" }) });
}

/** The spec and Prism's operations, as scripts/snapshot-spec.mjs writes them beside the built mock. */
interface Snapshot {
  prismHttp: string;
  spec: OpenApiDocument;
  prismOperations: PrismOperation[];
  /** The build checked the spec's `x-mock` against its format's JSON Schema, and refused to write otherwise. */
  declarationsChecked: boolean;
}

/**
 * The snapshot the build wrote, if it is still the spec's and this Prism's: not when the YAML has changed since (from
 * source, in tests), nor for another document.
 */
function readSnapshot(path: string | undefined): Snapshot | undefined {
  if (path !== undefined) return undefined;
  // Not `new URL("../spec-snapshot.json", import.meta.url)`, which Vite rewrites for a DOM test environment.
  const file = join(dirname(fileURLToPath(import.meta.url)), "..", "spec-snapshot.json");
  const built = statSync(file, { throwIfNoEntry: false });
  if (built === undefined || built.mtimeMs < statSync(specPath).mtimeMs) return undefined;
  const snapshot = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const prismHttp = (require("@stoplight/prism-http/package.json") as { version: string }).version;
  return snapshot.prismHttp === prismHttp ? snapshot : undefined;
}

/** The spec and Prism's operations: from the build's snapshot, else read now (Prism takes a copy it dereferences). */
async function readSpec(path: string | undefined): Promise<Omit<Snapshot, "prismHttp">> {
  const snapshot = readSnapshot(path);
  if (snapshot !== undefined) return snapshot;
  const spec = loadSpec(path);
  const { getHttpOperationsFromSpec } = require("@stoplight/prism-http/dist/utils/operations.js") as PrismOperations;
  const prismOperations = await getHttpOperationsFromSpec(structuredClone(spec));
  return { spec, prismOperations, declarationsChecked: false };
}

async function load(path: string | undefined): Promise<Shared> {
  const requireFromPrism = createRequire(require.resolve("@stoplight/prism-http"));
  deferFaker(requireFromPrism);
  deferPostman(requireFromPrism);
  // Security and routing are checked before Prism; Prism validates the body and picks documented responses, which
  // come from the spec's own examples and schemas, so validating them again per request would be waste.
  const config: IHttpConfig = {
    mock: { dynamic: false },
    checkSecurity: false,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  };
  const { spec, prismOperations, declarationsChecked } = await readSpec(path);
  let prism: ReturnType<PrismHttp["createInstance"]> | undefined;
  return {
    spec,
    declarationsChecked: declarationsChecked === true,
    operations: listOperations(spec),
    prismOperations: new Map(prismOperations.map((operation) => [operation.iid ?? operation.id, operation])),
    prism: () => {
      prism ??= createPrism(requireFromPrism, config);
      return prism;
    },
    config,
    // Loaded on first use: its module costs about 0.2 s more than the body validator's, and only an operation with
    // query, header or free-form path parameters needs it (see validate-request.ts).
    validateInput: (input) =>
      (require("@stoplight/prism-http/dist/validator/index.js") as PrismValidator).validateInput(input),
    validateBody: (require("@stoplight/prism-http/dist/validator/validators/index.js") as PrismValidators).validateBody,
    parseMIMEHeader: (require("@stoplight/prism-http/dist/validator/validators/headers.js") as PrismHeaders)
      .parseMIMEHeader,
    validateAgainstSchema: (require("@stoplight/prism-http/dist/validator/validators/utils.js") as PrismSchemaValidator)
      .validateAgainstSchema,
  };
}

/** Prism's reading of an operation. */
export const prismOperationOf = (shared: Shared, operation: SpecOperation) =>
  shared.prismOperations.get(operation.operationId) as PrismOperation;

/** The JSON media type of a request body's or a response's contents, as Prism lists them. */
export const jsonContent = <T extends { mediaType: string }>(contents: T[] | undefined) =>
  contents?.find((content) => content.mediaType === "application/json");

const loaded = new Map<string | undefined, Promise<Shared>>();

/**
 * Loads the spec and Prism once per process and spec (the project's when `path` is undefined): a second engine on
 * the same spec is ready at once.
 */
export function loadShared(path?: string): Promise<Shared> {
  let shared = loaded.get(path);
  if (shared === undefined) {
    shared = load(path);
    loaded.set(path, shared);
    shared.catch(() => loaded.delete(path));
  }
  return shared;
}
