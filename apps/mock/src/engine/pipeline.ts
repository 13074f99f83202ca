import type { MockDeclarations, OperationDeclaration, SpecOperation } from "@etelecom-zalo/openapi";
import { createAnswerVerdict } from "../answer/answer-verdict.js";
import { authenticate } from "../auth/authenticate.js";
import { behave } from "../behaviour/behave.js";
import { type Answer, apiError, invalidArgument } from "../core/answer.js";
import { type FaultKind, UNAVAILABLE_MSG } from "../core/faults.js";
import type { MockRequest } from "../core/mock-request.js";
import type { Shared } from "../core/prism.js";
import type { Hooks } from "../hooks/hook.js";
import { type Problem, problemsOf } from "../proxy/check-answer.js";
import type { ProxyStage } from "../proxy/proxy.js";
import { readJson } from "../reader/read-json.js";
import { route } from "../router/route.js";
import { readScenario } from "../scenario/read-scenario.js";
import type { KeyData, Store } from "../store/store.js";
import { createValidate } from "../validator/validate.js";

/** What the pipeline runs on: the spec and Prism, the declared behaviour, the store, and the mode. */
export interface PipelineSetup {
  shared: Shared;
  declarations: MockDeclarations;
  hooks: Hooks;
  store: Store;
  stateless: boolean;
  dynamic: boolean;
  /** Where links the mock issues point for a request to `url`: the public URL, the listen origin, or `url`'s. */
  base: (url: URL) => string;
  /** Forwards each call to eTelecom instead of answering it (`proxy`): the stage after validate. */
  proxy?: ProxyStage;
  /** `--rate-limit`: the 429 that refuses a key's call over its limit, undefined while it is within. */
  rateLimit?: (data: KeyData) => Answer | undefined;
  /** `--fault-rate`: the fault a key's call draws, if any. */
  drawFault?: (data: KeyData) => FaultKind | undefined;
  /** `--latency`: the delay of an API answer. */
  latency?: () => number;
}

/** An API call's answer, and the key it was made with (for the log, which shows only a tag of it). */
export interface Piped {
  answer: Answer;
  key?: string;
}

/**
 * The mock's request pipeline for an API call, a row of named stages as in Prism's own: route → auth (then the
 * key's rate limit) → read → validate → scenario (with its faults) → behaviour → answer. Each stage either passes
 * what it made to the next or answers; every answer of an API call then takes the `--latency` delay. With a proxy,
 * the proxy stage takes the place of the last three: route, auth and read still answer what is not an API call
 * with a key and a body within the limit (nothing for eTelecom to decide), while what read and validate find wrong
 * is forwarded all the same, to learn what eTelecom makes of it, and reported.
 */
export function createPipeline(setup: PipelineSetup) {
  const { shared, declarations, hooks, store } = setup;
  const validate = createValidate(shared);
  const answer = createAnswerVerdict(shared);
  const security = shared.spec.security as unknown[] | undefined;

  async function proxied(proxy: ProxyStage, request: MockRequest, url: URL, operation: SpecOperation, key: string) {
    const read = await readJson(request);
    // A body over the limit, or one that could not be read, is the mock's refusal: there is nothing to forward.
    if ("answer" in read && read.bytes === undefined) return read.answer;
    let problems: Problem[] = [];
    if ("answer" in read) problems = [{ field: "body", rule: "is not valid JSON" }];
    else {
      const validated = validate(operation, { url, headers: request.headers }, read.body, read.sent);
      if ("answer" in validated) problems = problemsOf(validated.clauses);
    }
    return proxy({
      operation,
      url,
      key,
      // The router took only application/json.
      contentType: request.headers.get("content-type") as string,
      bytes: read.bytes as Uint8Array,
      body: "answer" in read ? undefined : read.body,
      problems,
    });
  }

  async function afterRoute(request: MockRequest, url: URL, operation: SpecOperation, key: string): Promise<Answer> {
    if (setup.proxy !== undefined) return proxied(setup.proxy, request, url, operation, key);
    const read = await readJson(request);
    if ("answer" in read) return read.answer;
    const validated = validate(operation, { url, headers: request.headers }, read.body, read.sent);
    if ("answer" in validated) return validated.answer;
    const scenario = readScenario(request, url, operation);
    if (typeof scenario === "string") return invalidArgument(scenario);
    // Drawn on every call, asked-for fault or not, so that what a request prefers never shifts the sequence.
    const drawn = setup.drawFault?.(store.forKey(key));
    const fault = scenario.fault ?? drawn;
    const delay = scenario.delay === undefined ? {} : { delay: scenario.delay };
    if (fault !== undefined) {
      // A fault stands for a server that did not get to the operation: like a forced answer, it leaves the state.
      const why = `fault ${fault} (${scenario.fault === undefined ? "--fault-rate" : scenario.asked})`;
      if (fault === "unavailable") return { ...apiError(503, "unavailable", UNAVAILABLE_MSG, why), ...delay };
      const cut = await answer.answer(operation, validated.input, { documented: answer.successStatus(operation), why });
      return { ...cut, fault, ...delay };
    }
    const verdict = behave({
      operationId: operation.operationId,
      // Every operation has one: the engine refuses to start otherwise (engine/declarations.ts).
      declaration: declarations.operations[operation.operationId] as OperationDeclaration,
      declarations,
      hooks,
      store,
      data: () => store.forKey(key),
      body: (read.body ?? {}) as Record<string, unknown>,
      base: setup.base(url),
      scenario,
      success: answer.successStatus(operation),
      stateless: setup.stateless,
      dynamic: setup.dynamic,
    });
    return { ...(await answer.answer(operation, validated.input, verdict)), ...delay };
  }

  /** The answer to an API call, after `--latency` unless the request asked for its own delay. */
  const late = (piped: Piped): Piped =>
    setup.latency === undefined || piped.answer.delay !== undefined
      ? piped
      : { ...piped, answer: { ...piped.answer, delay: setup.latency() } };

  return async (request: MockRequest, url: URL): Promise<Piped> => {
    const routed = route(shared.operations, request, url);
    if ("answer" in routed) return late(routed);
    const authed = authenticate(routed.operation, security, request.headers);
    if ("answer" in authed) return late(authed);
    const { key } = authed;
    const limited = setup.rateLimit?.(store.forKey(key));
    if (limited !== undefined) return late({ answer: limited, key });
    return late({ answer: await afterRoute(request, url, routed.operation, key), key });
  };
}
