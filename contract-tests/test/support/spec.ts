import { readFileSync } from "node:fs";
import { specPath } from "@etelecom-zalo/openapi";
import { parse } from "yaml";

/** The parsed OpenAPI document, as plain JSON data. */
export type OpenApiDocument = {
  paths: Record<string, Record<string, OperationObject>>;
  components: Record<string, Record<string, unknown>>;
};

/** The parts of an OpenAPI operation the contract tests read. */
export interface OperationObject {
  operationId: string;
  parameters?: ({ $ref: string } | ParameterObject)[];
  requestBody?: MediaContainer;
  responses: Record<string, MediaContainer | { $ref: string }>;
}

/** The parts of an OpenAPI parameter the contract tests read. */
export interface ParameterObject {
  name: string;
  in: string;
  schema?: unknown;
}

interface MediaContainer {
  content?: Record<string, { schema?: unknown; examples?: Record<string, { value?: unknown } | { $ref: string }> }>;
}

/** One operation of the spec, located by method and path template. */
export interface Operation {
  operationId: string;
  method: string;
  pathTemplate: string;
  /** JSON pointer (with `#`) to the operation inside the document. */
  pointer: string;
  object: OperationObject;
}

/** What the coverage gate demands: each documented (operation, status, named example) is exercised. */
export interface Triple {
  operationId: string;
  status: string;
  /** The named example, or null for a response documented without named examples. */
  example: string | null;
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Reads and parses openapi/openapi.yaml. */
export function loadSpec(path = specPath): OpenApiDocument {
  return parse(readFileSync(path, "utf8")) as OpenApiDocument;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function pointerSegment(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Follows a local `$ref` (`#/components/...`) inside the document. */
export function deref<T>(spec: OpenApiDocument, value: T | { $ref: string }): T {
  if (typeof value !== "object" || value === null || !("$ref" in value)) return value as T;
  const target = value.$ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>(
      (node, segment) => (node as Record<string, unknown>)?.[segment.replaceAll("~1", "/").replaceAll("~0", "~")],
      spec,
    );
  if (target === undefined) throw new Error(`unresolved $ref ${value.$ref}`);
  return deref(spec, target as T | { $ref: string });
}

/** Every operation of the document. */
export function listOperations(spec: OpenApiDocument): Operation[] {
  return Object.entries(spec.paths).flatMap(([pathTemplate, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      operationId: item[method]?.operationId ?? `${method.toUpperCase()} ${pathTemplate}`,
      method,
      pathTemplate,
      pointer: `#/paths/${pointerSegment(pathTemplate)}/${method}`,
      object: item[method] as OperationObject,
    })),
  );
}

/** The JSON media type of a response or request body, if it has one. */
export function jsonMedia(spec: OpenApiDocument, container: MediaContainer | { $ref: string } | undefined) {
  return container === undefined ? undefined : deref(spec, container).content?.["application/json"];
}

/** The named examples of a response, by name, with their values. */
export function responseExamples(spec: OpenApiDocument, operation: Operation, status: string): Map<string, unknown> {
  const examples = jsonMedia(spec, operation.object.responses[status])?.examples ?? {};
  return new Map(Object.entries(examples).map(([name, example]) => [name, deref(spec, example).value]));
}

/** Every (operation, documented status, named example) the coverage gate requires. */
export function listTriples(spec: OpenApiDocument): Triple[] {
  return listOperations(spec).flatMap((operation) =>
    Object.keys(operation.object.responses).flatMap((status) => {
      const names = [...responseExamples(spec, operation, status).keys()];
      return (names.length > 0 ? names : [null]).map((example) => ({
        operationId: operation.operationId,
        status,
        example,
      }));
    }),
  );
}

/** The path parameters of `pathname` if it fits the operation's template (a parameter spans no `/` nor `.`). */
export function pathParams(operation: Operation, pathname: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = operation.pathTemplate
    .split(/\{([^}]+)\}/)
    .map((part, index) => {
      if (index % 2 === 0) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(part);
      return "([^/.]+)";
    })
    .join("");
  const match = new RegExp(`^${pattern}$`).exec(pathname);
  return match ? Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1] ?? "")])) : undefined;
}

/** Finds the operation a request went to, by method and path template. */
export function matchOperation(operations: Operation[], method: string, pathname: string): Operation | undefined {
  return operations.find(
    (operation) => operation.method === method.toLowerCase() && pathParams(operation, pathname) !== undefined,
  );
}
