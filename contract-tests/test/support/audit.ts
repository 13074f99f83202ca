import { isDeepStrictEqual } from "node:util";
import type { Exchange } from "./exchange.js";
import {
  deref,
  jsonMedia,
  listOperations,
  listTriples,
  matchOperation,
  type OpenApiDocument,
  type Operation,
  type ParameterObject,
  pathParams,
  responseExamples,
  type Triple,
} from "./spec.js";
import type { Validator } from "./validator.js";

/** What the audit of a test run found. */
export interface Audit {
  /** Exchanges that break the spec, each described in one line. */
  problems: string[];
  /** Documented (operation, status, example) triples that no exchange exercised. */
  missing: Triple[];
}

/** Prism's `Prefer` header, e.g. `code=400, example=missing_field`, as a map. */
function parsePrefer(header: string | undefined): Map<string, string> {
  return new Map(
    (header ?? "")
      .split(",")
      .map((part) => part.trim().split("=") as [string, string])
      .filter(([key, value]) => key !== "" && value !== undefined),
  );
}

function parseJson(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** What is wrong with the path parameters of a request, or "" when they fit their schemas. */
function paramErrors(spec: OpenApiDocument, validator: Validator, operation: Operation, pathname: string): string {
  const values = pathParams(operation, pathname) ?? {};
  return (operation.object.parameters ?? [])
    .map((parameter, index) => {
      const pointer = "$ref" in parameter ? parameter.$ref : `${operation.pointer}/parameters/${index}`;
      const { name, in: location } = deref<ParameterObject>(spec, parameter);
      if (location !== "path") return undefined;
      const error = validator.check(`${pointer}/schema`, values[name]);
      return error === undefined ? undefined : `${name}: ${error}`;
    })
    .filter((error) => error !== undefined)
    .join("; ");
}

/** JSON pointer of the JSON schema of a request or response body, following a `$ref` to a shared one. */
function schemaPointer(container: unknown, pointer: string): string {
  return `${(container as { $ref?: string }).$ref ?? pointer}/content/application~1json/schema`;
}

/**
 * What is wrong with the request of an exchange: its body must fit the schema exactly when the mock did not
 * refuse it (ajv and the mock must agree), and a success must have carried a Bearer key and a JSON body.
 */
function checkRequest(
  spec: OpenApiDocument,
  validator: Validator,
  operation: Operation,
  exchange: Exchange,
  refusedByMock: boolean,
): string[] {
  const problems: string[] = [];
  if (jsonMedia(spec, operation.object.requestBody) !== undefined) {
    const request = parseJson(exchange.requestBody);
    const bodyError = request.ok
      ? validator.check(schemaPointer(operation.object.requestBody, `${operation.pointer}/requestBody`), request.value)
      : "the body is not JSON";
    const { pathname } = new URL(exchange.url);
    if (refusedByMock && bodyError === undefined && paramErrors(spec, validator, operation, pathname) === "") {
      problems.push(`the mock refused a request the spec accepts: ${exchange.requestBody}`);
    } else if (!refusedByMock && bodyError !== undefined) {
      problems.push(`the request body on the wire breaks the schema (${bodyError}): ${exchange.requestBody}`);
    }
  }
  if (exchange.status < 300) {
    const { authorization = "", "content-type": contentType = "" } = exchange.requestHeaders;
    if (!/^Bearer \S+$/.test(authorization)) problems.push(`succeeded without a Bearer key: ${authorization}`);
    if (!contentType.startsWith("application/json")) problems.push(`succeeded with Content-Type ${contentType}`);
  }
  return problems;
}

/**
 * The named examples a response exercised: the one `Prefer: example=<name>` selected, else those its body
 * equals; a status documented without examples counts as `null`.
 */
function exercisedExamples(
  examples: Map<string, unknown>,
  named: string | undefined,
  body: unknown,
): (string | null)[] {
  if (named !== undefined) return [named];
  if (examples.size === 0) return [null];
  return [...examples].filter(([, value]) => isDeepStrictEqual(value, body)).map(([name]) => name);
}

/**
 * Checks every recorded exchange against the spec with an independent validator, and lists the documented
 * (operation, status, example) triples that no exchange exercised.
 */
export function auditExchanges(spec: OpenApiDocument, validator: Validator, exchanges: Exchange[]): Audit {
  const operations = listOperations(spec);
  const seen = new Set<string>();
  const problems: string[] = [];
  const key = (triple: Triple) => JSON.stringify([triple.operationId, triple.status, triple.example]);

  for (const exchange of exchanges) {
    const { pathname } = new URL(exchange.url);
    const where = `${exchange.method} ${pathname} -> ${exchange.status}`;
    const fail = (what: string) => problems.push(`${where}: ${what}`);
    const response = parseJson(exchange.responseBody);
    if (!response.ok) {
      fail(`the response body is not JSON: ${JSON.stringify(exchange.responseBody.slice(0, 200))}`);
      continue;
    }
    const operation = matchOperation(operations, exchange.method, pathname);
    if (operation === undefined) {
      // An unknown route still answers with eTelecom's error body.
      if (exchange.status < 400) fail("a route the spec does not document answered with success");
      const error = validator.check("#/components/schemas/Error", response.value);
      if (error !== undefined) fail(`the error body breaks the Error schema: ${error}`);
      continue;
    }
    const status = String(exchange.status);
    if (operation.object.responses[status] === undefined) {
      fail(`status ${status} is not documented for ${operation.operationId}`);
      continue;
    }
    const responseError = validator.check(
      schemaPointer(operation.object.responses[status], `${operation.pointer}/responses/${status}`),
      response.value,
    );
    if (responseError !== undefined) fail(`the response body breaks its schema: ${responseError}`);
    else if (exchange.status >= 400) {
      const error = validator.check("#/components/schemas/Error", response.value);
      if (error !== undefined) fail(`the error body breaks the Error schema: ${error}`);
    }

    const prefer = parsePrefer(exchange.requestHeaders.prefer);
    // Without a Prefer header, a 400 is the mock's own verdict on the request.
    const refusedByMock = exchange.status === 400 && !prefer.has("code") && !prefer.has("example");
    checkRequest(spec, validator, operation, exchange, refusedByMock).forEach(fail);

    const examples = responseExamples(spec, operation, status);
    const named = prefer.get("example");
    if (named !== undefined && !examples.has(named)) {
      fail(`Prefer asked for example ${named}, which status ${status} does not document`);
    } else if (named !== undefined && !isDeepStrictEqual(examples.get(named), response.value)) {
      fail(`the body differs from example ${named}`);
    } else {
      for (const example of exercisedExamples(examples, named, response.value)) {
        seen.add(key({ operationId: operation.operationId, status, example }));
      }
    }
  }

  return { problems, missing: listTriples(spec).filter((triple) => !seen.has(key(triple))) };
}
