import type { SpecOperation } from "@etelecom-zalo/openapi";
import type { IHttpRequest } from "@stoplight/prism-http";
import { STATEFUL_OPERATIONS } from "../operations/index.js";
import { serveReference } from "../reference/serve-reference.js";
import { matchRoute } from "../router/match-route.js";
import { checkFixtures, type Fixtures, restoreFixtures } from "../state/fixtures.js";
import { keyTag } from "../state/ids.js";
import { createMockState } from "../state/mock-state.js";
import { unseededRandom } from "../state/random.js";
import { type Answer, apiError, invalidArgument, json, preflight, toResponse } from "./answer.js";
import { fixtureChecker } from "./check-fixture-oa.js";
import { keepDeclared } from "./keep-declared.js";
import { loadShared, type PrismOperation } from "./load-shared.js";
import type { MockRequest } from "./mock-request.js";
import { PAGES } from "./pages.js";
import { readBody } from "./read-body.js";
import { readScenario } from "./scenario.js";
import { createSpecAnswers } from "./spec-answers.js";
import { splitUnknownFields, type UnknownFields } from "./unknown-fields.js";
import { requestValidator } from "./validate-request.js";
import { clause, validationMessage } from "./validation-message.js";

/** Options of {@link createMockEngine}. */
export interface MockEngineOptions {
  /** Answer every valid request with its documented example (or generated data with `dynamic`), keeping no state. */
  stateless?: boolean;
  /** Generate varied success bodies wherever no state and no `Prefer` decides the answer. */
  dynamic?: boolean;
  /**
   * Where consent links point, when the mock is reached through a proxy or a container port (e.g.
   * `https://mock.example.com` or `http://localhost:8080/mock`); by default the origin each request was sent to.
   */
  publicUrl?: string;
  /** Connected OAs per Bearer key to start with, and to go back to on reset; checked against the spec. */
  fixtures?: Fixtures;
  /** Seeds every id, code and state the mock makes: the same requests on a fresh mock get the same answers. */
  seed?: number;
  /** The clock, in milliseconds since the epoch: links, codes and times are read from it. */
  now?: () => number;
  /** Receives one line per request: method, path, a tag of the key, status, and what decided the answer. */
  log?: (line: string) => void;
  /** Another OpenAPI document than the project's (for the mock's own tests). */
  specPath?: string;
}

/** The mock's whole behaviour, transport aside: a fetch `Request` in, a `Response` out. */
export interface MockEngine {
  /** Answers one request. Never rejects: a failure is a 500 `internal` answer. */
  handle(request: Request): Promise<Response>;
  /** Forgets every key's state and pending link, back to the fixtures and the seed's first draw. */
  reset(): void;
}

/**
 * The engine under `handle`, for the node:http adapter: the same decisions on a {@link MockRequest}, answered as an
 * {@link Answer} (a `Response` only for the reference's files), so a socket's request needs no fetch objects.
 */
export interface EngineCore {
  /** Decides the answer to one request. Never rejects: a failure is a 500 `internal` answer. */
  answer(request: MockRequest): Promise<Answer | Response>;
  reset(): void;
}

/** Case-insensitive "Bearer <key>", the only scheme eTelecom documents. */
const BEARER = /^Bearer +(\S+) *$/i;

/** Checks `publicUrl` and returns it as the base of consent links (no trailing slash). */
function publicBase(publicUrl: string): string {
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error(`publicUrl "${publicUrl}" is not a URL (expected e.g. https://mock.example.com)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`publicUrl "${publicUrl}" must be http or https`);
  }
  if (url.search || url.hash) throw new Error(`publicUrl "${publicUrl}" must have no query or fragment`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}

/**
 * Creates an engine on the spec. The spec, its operations and Prism are loaded once per process, so a second engine
 * is ready in a few milliseconds; each engine has its own state. Rejects with a one-line Error for bad options.
 */
export async function createMockEngine(options: MockEngineOptions = {}): Promise<MockEngine> {
  const core = await createEngineCore(options);
  return {
    async handle(request) {
      const answer = await core.answer(request);
      return answer instanceof Response ? answer : toResponse(answer, request);
    },
    reset: core.reset,
  };
}

/** Creates the {@link EngineCore} that {@link createMockEngine} wraps; the same options. */
export async function createEngineCore(options: MockEngineOptions = {}): Promise<EngineCore> {
  const shared = await loadShared(options.specPath);
  const { stateless = false, dynamic = false, log } = options;
  const base = options.publicUrl === undefined ? undefined : publicBase(options.publicUrl);
  const fixtures = options.fixtures === undefined ? undefined : checkFixtures(options.fixtures, fixtureChecker(shared));
  const now = options.now ?? Date.now;
  const state = createMockState(options.seed ?? 0, now, (fresh) => {
    if (fixtures) restoreFixtures(fresh, fixtures);
  });
  const spec = createSpecAnswers(shared);
  const validateRequest = requestValidator(shared);

  const prismOperation = (operation: SpecOperation) =>
    shared.prismOperations.get(operation.operationId) as PrismOperation;
  const jsonContent = <T extends { mediaType: string }>(contents: T[] | undefined) =>
    contents?.find((content) => content.mediaType === "application/json");
  const schemaOf = (operation: SpecOperation, status: number) =>
    jsonContent(prismOperation(operation).responses.find((response) => Number(response.code) === status)?.contents)
      ?.schema;

  /** A success made by the operation's own generator, or by Prism from its schema for an operation without one. */
  async function generate(operation: SpecOperation, input: IHttpRequest, status: number, why: string) {
    const stateful = STATEFUL_OPERATIONS[operation.operationId];
    if (stateful === undefined) return { ...(await spec.generated(operation, input, status)), why };
    const value = stateful.generate(input.body as never, unseededRandom, now());
    return json(status, keepDeclared(value, schemaOf(operation, status)), why);
  }

  async function answerApi(request: MockRequest, url: URL, operation: SpecOperation, key: string): Promise<Answer> {
    const read = await readBody(request);
    if ("refused" in read) {
      // The rest of a body too large is not read: the connection cannot carry another request after it.
      return { ...invalidArgument(read.refused), ...(read.tooLarge && { headers: { connection: "close" } }) };
    }
    const { bytes } = read;
    let body: unknown;
    if (bytes.length > 0) {
      try {
        body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
      } catch {
        return invalidArgument("body: is not valid JSON");
      }
    }

    const scenario = readScenario(request, url, operation);
    if (typeof scenario === "string") return invalidArgument(scenario);

    const resource = prismOperation(operation);
    const unknown: UnknownFields = { names: [], count: 0 };
    const known = splitUnknownFields(body, jsonContent(resource.request?.body?.contents)?.schema, unknown);
    const input: IHttpRequest = {
      method: operation.method as IHttpRequest["method"],
      url: { path: url.pathname, query: Object.fromEntries(url.searchParams) },
      headers: Object.fromEntries(request.headers),
      body: known,
    };
    const clauses = validateRequest(resource, input).map((found) => clause(found, bytes.length > 0));
    for (const field of unknown.names) clauses.push([field, "is not a known field"]);
    if (clauses.length > 0) return invalidArgument(validationMessage(clauses, unknown.count - unknown.names.length));

    const wantsDynamic = scenario.dynamic ?? dynamic;
    if (scenario.status !== undefined) {
      const why = `forced (${scenario.asked})`;
      if (wantsDynamic && scenario.status < 400) return generate(operation, input, scenario.status, why);
      const documented = await spec.documented(operation, input, scenario.status, scenario.example);
      return { ...documented, why: `${why}: ${documented.why}` };
    }
    const success = spec.successStatus(operation);
    if (scenario.dynamic) return generate(operation, input, success, `generated (${scenario.asked})`);

    const stateful = stateless ? undefined : STATEFUL_OPERATIONS[operation.operationId];
    if (stateful === undefined) {
      return wantsDynamic
        ? generate(operation, input, success, "generated (--dynamic)")
        : spec.documented(operation, input, success);
    }
    const outcome = stateful.answer({
      body: body as never,
      state,
      keyState: state.forKey(key),
      base: base ?? url.origin,
    });
    if ("value" in outcome)
      return json(success, keepDeclared(outcome.value, schemaOf(operation, success)), outcome.why);
    if ("invalid" in outcome) return { ...invalidArgument(outcome.invalid), why: outcome.why };
    const status = spec.statusOf(operation, outcome.example);
    if (status === undefined) throw new Error(`${operation.operationId} documents no example ${outcome.example}`);
    return { ...(await spec.documented(operation, input, status, outcome.example)), why: outcome.why };
  }

  /** Decides the answer: pages first, then Twirp's order for the API (route, Content-Type, key, body). */
  async function decide(request: MockRequest, url: URL): Promise<{ answer: Answer; key?: string }> {
    const page = PAGES.find(({ method, path }) => method === request.method && path === url.pathname);
    if (page) return { answer: await page.answer({ request, url, state }) };

    const route = matchRoute(shared.operations, request.method, url.pathname);
    if ("error" in route) return { answer: apiError(404, "bad_route", route.error) };
    const { operation } = route;

    const contentType = request.headers.get("content-type");
    if (contentType?.split(";", 1)[0]?.trim().toLowerCase() !== "application/json") {
      return { answer: apiError(404, "bad_route", `unexpected Content-Type: ${JSON.stringify(contentType ?? "")}`) };
    }

    let key = "";
    if ((operation.object.security ?? (shared.spec.security as unknown[] | undefined) ?? []).length > 0) {
      const authorization = request.headers.get("authorization");
      if (!authorization) return { answer: apiError(401, "unauthenticated", "missing Authorization header") };
      const bearer = BEARER.exec(authorization);
      if (bearer === null) {
        return {
          answer: apiError(401, "unauthenticated", 'malformed Authorization header: expected "Bearer <key>"'),
        };
      }
      key = bearer[1] as string;
    }
    return { answer: await answerApi(request, url, operation, key), key };
  }

  return {
    async answer(request) {
      const url = new URL(request.url);
      if (request.method === "OPTIONS" && request.headers.has("access-control-request-method")) {
        log?.(`OPTIONS ${url.pathname} -> 204 CORS preflight`);
        return preflight(request);
      }
      let decided: { answer: Answer; key?: string };
      try {
        const reference = await serveReference(request, url.pathname);
        if (reference !== undefined) {
          log?.(`${request.method} ${url.pathname} -> ${reference.status} API reference`);
          return reference;
        }
        decided = await decide(request, url);
      } catch (failure) {
        const message = failure instanceof Error ? failure.message : String(failure);
        decided = { answer: apiError(500, "internal", `internal error: ${message}`) };
      }
      const { answer, key } = decided;
      log?.(`${request.method} ${url.pathname}${key ? ` ${keyTag(key)}` : ""} -> ${answer.status} ${answer.why}`);
      return answer;
    },
    reset: () => state.reset(),
  };
}
