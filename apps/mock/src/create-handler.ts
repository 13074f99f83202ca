import type { IncomingMessage, ServerResponse } from "node:http";
import type { IHttpConfig, IHttpOperationConfig, IHttpRequest, PrismHttpInstance } from "@stoplight/prism-http";
import type { validateInput as ValidateInput } from "@stoplight/prism-http/dist/validator/index.js";
import { readBody } from "./read-body.js";
import { respond, respondToPreflight } from "./respond.js";
import { matchRoute, type Route } from "./routes.js";
import { type Catalogue, catalogue, readScenario } from "./scenarios.js";
import type { Answer, Operation } from "./types.js";
import { validationMessage } from "./validation-message.js";

/** Bodies above this size are refused unread; eTelecom documents no limit (see the spec's InvalidArgument). */
const BODY_LIMIT = 1024 * 1024;

/** What {@link createHandler} needs, all prepared once at startup. */
export interface HandlerOptions {
  prism: PrismHttpInstance;
  /** Prism's own request validator, which its request pipeline runs first. */
  validateInput: typeof ValidateInput;
  config: IHttpConfig;
  routes: Route[];
  dynamic: boolean;
  /** Called once per request with a summary line, only when the mock runs verbose. */
  log?: (line: string) => void;
}

const error = (status: number, code: string, msg: string): Answer => ({ status, body: { code, msg } });

/** `DiagnosticSeverity.Error` of @stoplight/types, which Prism tags its request violations with. */
const SEVERITY_ERROR = 0;

/** Case-insensitive "Bearer <key>", the only scheme eTelecom documents. */
const BEARER = /^Bearer +\S+ *$/i;

/** Builds the request handler: routing, Content-Type, auth and body checks here; validation and responses by Prism. */
export function createHandler(options: HandlerOptions) {
  const { prism, validateInput, config, routes, dynamic, log } = options;
  const catalogues = new Map<Operation, Catalogue>(
    routes.map((route) => [route.operation, catalogue(route.operation)]),
  );
  // Outside dynamic mode Prism's answer to a valid request depends only on the operation and the scenario asked
  // for, so it is computed once: Prism's full pipeline costs far more per request than its validation alone.
  const staticAnswers = new Map<Operation, Map<string, Answer>>(routes.map((route) => [route.operation, new Map()]));

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<Answer> {
    const url = request.url ?? "/";
    const queryStart = url.indexOf("?");
    const path = queryStart < 0 ? url : url.slice(0, queryStart);
    const method = request.method ?? "GET";
    if (path === "/__health" && method === "GET") return { status: 200, body: { status: "ok" } };

    const route = matchRoute(routes, method, path);
    if ("error" in route) return error(404, "bad_route", route.error);
    const { operation } = route;

    const contentType = request.headers["content-type"];
    if (contentType?.split(";", 1)[0]?.trim().toLowerCase() !== "application/json") {
      return error(404, "bad_route", `unexpected Content-Type: ${JSON.stringify(contentType ?? "")}`);
    }

    if (operation.security?.length) {
      const authorization = request.headers.authorization;
      if (!authorization) return error(401, "unauthenticated", "missing Authorization header");
      if (!BEARER.test(authorization)) {
        return error(401, "unauthenticated", 'malformed Authorization header: expected "Bearer <key>"');
      }
    }

    const raw = await readBody(request, BODY_LIMIT);
    if (raw === undefined) {
      response.setHeader("connection", "close");
      return error(400, "invalid_argument", `body: must be at most 1 MiB (${BODY_LIMIT} bytes)`);
    }
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return error(400, "invalid_argument", "body: is not valid JSON");
      }
    }

    const query = queryStart < 0 ? undefined : new URLSearchParams(url.slice(queryStart + 1));
    const scenario = readScenario(request.headers.prefer?.toString(), query, catalogues.get(operation) as Catalogue);
    if (typeof scenario === "string") return error(400, "invalid_argument", scenario);

    const input: IHttpRequest = {
      method: "post",
      url: { path, query: query ? Object.fromEntries(query) : {} },
      headers: request.headers as Record<string, string>,
      body,
    };
    const validation = validateInput({ resource: operation, element: input });
    if (validation._tag === "Left") {
      const invalid = validation.left.filter((diagnostic) => diagnostic.severity === SEVERITY_ERROR);
      if (invalid.length > 0) return error(400, "invalid_argument", validationMessage(invalid, raw.length > 0));
    }

    // Errors keep their documented examples even in dynamic mode: clients branch on their `code`.
    const mock: IHttpOperationConfig = {
      dynamic: (scenario.dynamic ?? dynamic) && (scenario.code === undefined || scenario.code < 400),
      // Fixed so that Prism never negotiates on `Accept`: eTelecom always answers JSON.
      mediaTypes: ["application/json"],
    };
    if (scenario.code !== undefined) mock.code = scenario.code;
    if (scenario.exampleKey !== undefined) mock.exampleKey = scenario.exampleKey;
    const answers = staticAnswers.get(operation) as Map<string, Answer>;
    const key = `${scenario.code}/${scenario.exampleKey}`;
    const known = mock.dynamic ? undefined : answers.get(key);
    if (known) return known;
    const result = await prism.request(input, [operation], { ...config, mock })();
    if (result._tag === "Left") throw result.left;
    const answer = { status: result.right.output.statusCode, body: result.right.output.body };
    if (!mock.dynamic) answers.set(key, answer);
    return answer;
  }

  return async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method === "OPTIONS" && request.headers["access-control-request-method"]) {
      respondToPreflight(request, response);
      return;
    }
    let result: Answer;
    try {
      result = await answer(request, response);
    } catch (failure) {
      result = error(
        500,
        "internal",
        `internal error: ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    }
    log?.(`${request.method} ${request.url} -> ${result.status}`);
    respond(request, response, result.status, result.body);
  };
}
