import {
  type ContentContainer,
  deref,
  loadSpec,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  pointerSegment,
  type Reference,
} from "./load-spec.js";

/** One documented response of an operation: its status and its named examples, in the spec's order. */
export interface DocumentedResponse {
  status: number;
  /** Each named example's value, by name. */
  examples: Map<string, unknown>;
}

/** One operation of the spec, with what the mock, the client generator and the tests read of it. */
export interface SpecOperation {
  operationId: string;
  /** Lower-case, as in the document: `post`. */
  method: string;
  pathTemplate: string;
  /** JSON pointer (with `#`) to the operation inside the document. */
  pointer: string;
  object: OperationObject;
  /** Its parameters, `$ref`s resolved. */
  parameters: ParameterObject[];
  /** The JSON media type of its request body, if it has one. */
  requestMedia: MediaTypeObject | undefined;
  /** The value of the request body's first named example: a request the spec documents as valid. */
  requestExample: unknown;
  responses: DocumentedResponse[];
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The JSON media type of a request body or a response, if it has one. */
export function jsonMedia(
  spec: OpenApiDocument,
  container: ContentContainer | Reference | undefined,
): MediaTypeObject | undefined {
  return container === undefined ? undefined : deref(spec, container).content?.["application/json"];
}

/** The named examples of a media type, by name, with their values. */
export function namedExamples(spec: OpenApiDocument, media: MediaTypeObject | undefined): Map<string, unknown> {
  return new Map(
    Object.entries(media?.examples ?? {}).map(([name, example]) => [
      name,
      deref<{ value?: unknown }>(spec, example).value,
    ]),
  );
}

const listed = new WeakMap<OpenApiDocument, SpecOperation[]>();

/** Every operation of the document, in the document's order; computed once per document. */
export function listOperations(spec: OpenApiDocument = loadSpec()): SpecOperation[] {
  let operations = listed.get(spec);
  if (operations === undefined) {
    operations = Object.entries(spec.paths).flatMap(([pathTemplate, item]) =>
      METHODS.filter((method) => item[method] !== undefined).map((method) => {
        const object = item[method] as OperationObject;
        const requestMedia = jsonMedia(spec, object.requestBody);
        return {
          operationId: object.operationId,
          method,
          pathTemplate,
          pointer: `#/paths/${pointerSegment(pathTemplate)}/${method}`,
          object,
          parameters: (object.parameters ?? []).map((parameter) => deref(spec, parameter)),
          requestMedia,
          requestExample: namedExamples(spec, requestMedia).values().next().value ?? requestMedia?.example,
          responses: Object.entries(object.responses).map(([status, response]) => ({
            status: Number(status),
            examples: namedExamples(spec, jsonMedia(spec, response)),
          })),
        };
      }),
    );
    listed.set(spec, operations);
  }
  return operations;
}

/** Finds an operation by its `operationId`; throws when the spec has none, naming the ones it has. */
export function findOperation(operationId: string, spec: OpenApiDocument = loadSpec()): SpecOperation {
  const operations = listOperations(spec);
  const operation = operations.find((candidate) => candidate.operationId === operationId);
  if (operation === undefined) {
    throw new Error(
      `the spec has no operation ${operationId} (it has ${operations.map((o) => o.operationId).join(", ")})`,
    );
  }
  return operation;
}

/** One documented (operation, status, named example); `example` is null for a status without named examples. */
export interface DocumentedExample {
  operationId: string;
  status: number;
  example: string | null;
  value: unknown;
}

/** Every (operation, documented status, named example) of the document, in the document's order. */
export function documentedExamples(spec: OpenApiDocument = loadSpec()): DocumentedExample[] {
  return listOperations(spec).flatMap(({ operationId, responses }) =>
    responses.flatMap(({ status, examples }): DocumentedExample[] =>
      examples.size === 0
        ? [{ operationId, status, example: null, value: undefined }]
        : [...examples].map(([example, value]) => ({ operationId, status, example, value })),
    ),
  );
}
