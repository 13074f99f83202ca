import { isDeepStrictEqual } from "node:util";
import { verifyWebhookEvent } from "@etelecom-zalo/client";
import { matchRoute, readPreference } from "@etelecom-zalo/mock";
import {
  deref,
  isReference,
  jsonMedia,
  listOperations,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type SpecOperation,
} from "@etelecom-zalo/openapi";
import type { Delivery } from "./delivery.js";
import type { Exchange } from "./exchange.js";
import type { Validator } from "./validator.js";

/**
 * Statuses that no request can provoke for real, so the coverage gate accepts them forced with `Prefer`: 500 (the
 * mock never fails by itself), and 503, which the mock answers only when a request asks for it
 * (`Prefer: fault=unavailable`, a preference like `code`) or by chance (`--fault-rate`), never from what is sent.
 */
export const FORCED_ONLY: readonly number[] = [500, 503];

/** A documented (operation, status, named example), or (operation, status, null) for a real provocation. */
export interface Requirement {
  operationId: string;
  status: number;
  /** The named example to exercise, or null when the status must be provoked for real (without `Prefer`). */
  example: string | null;
  /**
   * The example is the operation's own (not one every operation shares): it must be produced for real, by the
   * mock's declared behaviour or its hooks, not only forced with `Prefer`.
   */
  real?: true;
}

/** What the audit of a test run found. */
export interface Audit {
  /** Exchanges that break the spec, each described in one line. */
  problems: string[];
  /** What the coverage gate demands and no exchange did. */
  missing: Requirement[];
}

function parseJson(text: string | null): { ok: true; value: unknown } | { ok: false } {
  if (text === null) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** JSON pointer of the JSON schema of a request or response body, following a `$ref` to a shared one. */
function schemaPointer(container: unknown, pointer: string): string {
  return `${(container as { $ref?: string }).$ref ?? pointer}/content/application~1json/schema`;
}

/** The named examples of an operation's response with this status, by name, with their values. */
function examplesOf(operation: SpecOperation, status: number): Map<string, unknown> {
  return operation.responses.find((response) => response.status === status)?.examples ?? new Map();
}

/**
 * The 400 examples an operation documents beyond the shared InvalidArgument ones: refusals for what a schema
 * cannot say (a used code, a forged cursor). A request that fits the schema may be refused only with one of these.
 */
function ownRefusals(spec: OpenApiDocument, operation: SpecOperation): unknown[] {
  const shared = new Set(
    Object.keys(jsonMedia(spec, deref(spec, { $ref: "#/components/responses/InvalidArgument" }))?.examples ?? {}),
  );
  return [...examplesOf(operation, 400)].filter(([name]) => !shared.has(name)).map(([, value]) => value);
}

/**
 * What is wrong with the request of an exchange. A request the mock let through must fit the request schema
 * exactly (ajv and the mock agree); one it refused with 400 must not, unless the refusal is one the operation
 * documents for what a schema cannot say. A success must have carried a Bearer key and a JSON body.
 */
function checkRequest(
  spec: OpenApiDocument,
  validator: Validator,
  operation: SpecOperation,
  exchange: Exchange,
  refused: { body: unknown } | undefined,
): string[] {
  const problems: string[] = [];
  if (operation.requestMedia !== undefined) {
    const request = parseJson(exchange.requestBody);
    const bodyError = request.ok
      ? validator.check(schemaPointer(operation.object.requestBody, `${operation.pointer}/requestBody`), request.value)
      : "the body is not JSON";
    if (refused !== undefined && bodyError === undefined) {
      if (!ownRefusals(spec, operation).some((value) => isDeepStrictEqual(value, refused.body))) {
        problems.push(`the mock refused a request the spec accepts: ${exchange.requestBody}`);
      }
    } else if (refused === undefined && bodyError !== undefined) {
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
 * Checks every recorded exchange against the spec with ajv, independently of Prism, and lists what the coverage
 * gate demands and no exchange did: every documented (operation, status, named example), and every documented
 * status of every operation provoked for real (no `Prefer`), but for those in {@link FORCED_ONLY}.
 */
export function auditExchanges(spec: OpenApiDocument, validator: Validator, exchanges: Exchange[]): Audit {
  const operations = listOperations(spec);
  const seen = new Set<string>();
  const problems: string[] = [];
  const key = (requirement: Requirement) =>
    JSON.stringify([requirement.operationId, requirement.status, requirement.example, requirement.real ?? false]);

  for (const exchange of exchanges) {
    const url = new URL(exchange.url);
    const where = `${exchange.method} ${url.pathname} -> ${exchange.status}`;
    const fail = (what: string) => problems.push(`${where}: ${what}`);
    const response = parseJson(exchange.responseBody);
    if (!response.ok) {
      fail(`the response body is not JSON: ${JSON.stringify(exchange.responseBody.slice(0, 200))}`);
      continue;
    }
    const route = matchRoute(operations, exchange.method, url.pathname);
    if ("error" in route) {
      // An unknown route still answers with eTelecom's error body.
      if (exchange.status < 400) fail("a route the spec does not document answered with success");
      const error = validator.check("#/components/schemas/Error", response.value);
      if (error !== undefined) fail(`the error body breaks the Error schema: ${error}`);
      continue;
    }
    const { operation } = route;
    const container = operation.object.responses[String(exchange.status)];
    if (container === undefined) {
      fail(`status ${exchange.status} is not documented for ${operation.operationId}`);
      continue;
    }
    const responseError = validator.check(
      schemaPointer(container, `${operation.pointer}/responses/${exchange.status}`),
      response.value,
    );
    if (responseError !== undefined) fail(`the response body breaks its schema: ${responseError}`);

    const preference = readPreference(exchange.requestHeaders.prefer, url.searchParams);
    const forced =
      preference?.code !== undefined || preference?.example !== undefined || preference?.fault !== undefined;
    const refused = exchange.status === 400 && !forced ? { body: response.value } : undefined;
    checkRequest(spec, validator, operation, exchange, refused).forEach(fail);

    const { operationId } = operation;
    const examples = examplesOf(operation, exchange.status);
    const named = preference?.example;
    if (named !== undefined && !examples.has(named)) {
      fail(`Prefer asked for example ${named}, which status ${exchange.status} does not document`);
      continue;
    }
    if (named !== undefined && !isDeepStrictEqual(examples.get(named), response.value)) {
      fail(`the body differs from example ${named}`);
      continue;
    }
    if (!forced) seen.add(key({ operationId, status: exchange.status, example: null }));
    const exercised =
      named !== undefined
        ? [named]
        : [...examples].filter(([, value]) => isDeepStrictEqual(value, response.value)).map(([name]) => name);
    for (const example of exercised) {
      seen.add(key({ operationId, status: exchange.status, example }));
      if (!forced) seen.add(key({ operationId, status: exchange.status, example, real: true }));
    }
  }

  return { problems, missing: requirements(spec).filter((requirement) => !seen.has(key(requirement))) };
}

/**
 * The named examples an operation documents as its own, by status: those written in its responses rather than
 * shared from `#/components/examples`, in responses that not every operation has (Unauthenticated and Internal are
 * everyone's). These are what its behaviour decides (`oa_not_found`, `invalid_code`, a forged cursor).
 */
export function ownExamples(spec: OpenApiDocument, operation: SpecOperation): Map<number, Set<string>> {
  const operations = listOperations(spec);
  const everyones = (container: unknown) =>
    isReference(container) &&
    operations.every(({ object }) =>
      Object.values(object.responses).some((other) => isDeepStrictEqual(other, container)),
    );
  const own = new Map<number, Set<string>>();
  for (const [status, container] of Object.entries(operation.object.responses)) {
    if (everyones(container)) continue;
    const examples = Object.entries(jsonMedia(spec, container)?.examples ?? {});
    own.set(Number(status), new Set(examples.filter(([, example]) => !isReference(example)).map(([name]) => name)));
  }
  return own;
}

/** Everything the coverage gate demands of a whole run, in the document's order. */
export function requirements(spec: OpenApiDocument): Requirement[] {
  return listOperations(spec).flatMap((operation) => {
    const { operationId, responses } = operation;
    const own = ownExamples(spec, operation);
    return responses.flatMap(({ status, examples }): Requirement[] => [
      ...(FORCED_ONLY.includes(status) ? [] : [{ operationId, status, example: null }]),
      ...[...examples.keys()].map((example) =>
        own.get(status)?.has(example)
          ? { operationId, status, example, real: true as const }
          : { operationId, status, example },
      ),
    ]);
  });
}

/** One line saying what a requirement needed and no exchange did. */
export function describeMissing({ operationId, status, example, real }: Requirement): string {
  if (example === null) return `never provoked for real (without Prefer): ${operationId} ${status}`;
  return real
    ? `never produced for real (without Prefer) by the declared behaviour: ${operationId} ${status} example ${example}`
    : `never exercised against the mock: ${operationId} ${status} example ${example}`;
}

/** What the audit of the events delivered in a test run found. */
export interface DeliveryAudit {
  /** Deliveries that break the spec, each described in one line. */
  problems: string[];
  /** The spec's webhooks (by name) that no delivery carried. */
  missing: string[];
}

/** The header that carries Zalo's signature; a webhook that documents it is one of Zalo's events. */
const SIGNATURE_HEADER = "X-ZEvent-Signature";

/**
 * How far a signed event's `timestamp` may lie from now: the suite moves a mock's clock (by seconds, to reach a ZNS's
 * receipts), and stamps on that clock are authentic all the same. Freshness is the client's own tests' concern; the
 * audit checks that the mock signs what the client verifies.
 */
const CLOCK_TOLERANCE_MS = 366 * 24 * 3600e3;

/** The webhook a delivery's body is an event of: its `event_name` (Zalo's) or its `entity` (eTelecom's posts). */
function webhookName(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const { event_name, entity } = body as Record<string, unknown>;
  return typeof event_name === "string" ? event_name : typeof entity === "string" ? entity : undefined;
}

/**
 * Checks every delivered event against the spec's `webhooks` with ajv: its body against its webhook's request
 * schema, each header the webhook documents against its schema (a required one must be there), and a signed one
 * (`X-ZEvent-Signature`) with the client's `verifyWebhookEvent` and `oaSecretKey`. Lists the webhooks no delivery
 * carried.
 */
export async function auditDeliveries(
  spec: OpenApiDocument,
  validator: Validator,
  deliveries: Delivery[],
  oaSecretKey: string,
): Promise<DeliveryAudit> {
  const webhooks = (spec.webhooks ?? {}) as Record<string, { post?: OperationObject }>;
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const delivery of deliveries) {
    const body = parseJson(delivery.body);
    const name = body.ok ? webhookName(body.value) : undefined;
    const fail = (what: string) => problems.push(`delivery of ${name ?? "an event"} to ${delivery.url}: ${what}`);
    if (!body.ok) {
      fail(`the body is not JSON: ${JSON.stringify(delivery.body.slice(0, 200))}`);
      continue;
    }
    const post = name !== undefined && Object.hasOwn(webhooks, name) ? webhooks[name]?.post : undefined;
    if (name === undefined || post === undefined) {
      fail(`no webhook of the spec documents it (neither its event_name nor its entity names one): ${delivery.body}`);
      continue;
    }
    seen.add(name);
    const pointer = `#/webhooks/${name}/post`;
    const bodyError = validator.check(schemaPointer(post.requestBody, `${pointer}/requestBody`), body.value);
    if (bodyError !== undefined) fail(`the body breaks its schema (${bodyError}): ${delivery.body}`);
    const parameters = (post.parameters ?? []).map((parameter, index) => ({
      ...deref<ParameterObject>(spec, parameter),
      at: isReference(parameter) ? parameter.$ref : `${pointer}/parameters/${index}`,
    }));
    for (const parameter of parameters) {
      if (parameter.in !== "header") continue;
      const value = delivery.headers[parameter.name.toLowerCase()];
      if (value === undefined) {
        if (parameter.required) fail(`the ${parameter.name} header is missing`);
        continue;
      }
      const headerError = validator.check(`${parameter.at}/schema`, value);
      if (headerError !== undefined) fail(`the ${parameter.name} header breaks its schema (${headerError}): ${value}`);
    }
    if (parameters.some((parameter) => parameter.in === "header" && parameter.name === SIGNATURE_HEADER)) {
      const request = { body: delivery.body, headers: delivery.headers };
      await verifyWebhookEvent(request, { oaSecretKey, toleranceMs: CLOCK_TOLERANCE_MS }).catch((error: Error) =>
        fail(`verifyWebhookEvent refuses it: ${error.message}`),
      );
    }
  }
  return { problems, missing: Object.keys(webhooks).filter((name) => !seen.has(name)) };
}

/** One line saying which documented event no delivery carried. */
export function describeUndelivered(webhook: string): string {
  return `never delivered for real to the receiver: webhook ${webhook}`;
}
