import type { SpecOperation } from "@etelecom-zalo/openapi";
import { type Answer, apiError } from "../core/answer.js";
import { jsonContent, prismOperationOf, type Shared } from "../core/prism.js";
import { createCheckAnswer, type Problem } from "./check-answer.js";
import { forward } from "./forward.js";
import type { Recorder } from "./record.js";
import { redactValue, secretValues } from "./secrets.js";
import type { Violation, Violations } from "./violations.js";

/** What the proxy runs on: the spec, eTelecom's origin, how long it waits, and where it reports and records. */
export interface ProxySetup {
  shared: Shared;
  origin: string;
  timeout: number;
  violations: Violations;
  recorder?: Recorder;
}

/** One API call the earlier stages have routed, authenticated, read and checked. */
export interface ProxyCall {
  operation: SpecOperation;
  url: URL;
  key: string;
  contentType: string;
  /** The body as the caller sent it, forwarded byte for byte. */
  bytes: Uint8Array;
  /** The body as JSON, undefined when it is not JSON. */
  body: unknown;
  /** What the reader and the validator found wrong with the request: eTelecom decides it all the same. */
  problems: Problem[];
}

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/**
 * The stage that takes the place of scenario, behaviour and answer with `proxy`: it forwards the call to eTelecom
 * and answers with eTelecom's answer (status, `Content-Type` and body as they came), reporting every way the request
 * or the answer breaks the spec, and recording the records of a right success. When eTelecom does not answer (a
 * refused connection, a timeout, a broken or oversized answer), the caller gets 502 `unavailable` in eTelecom's
 * error shape, and that is reported too. Nothing reported or recorded holds the call's secrets.
 */
export function createProxy(setup: ProxySetup) {
  const { shared, origin, timeout, violations, recorder } = setup;
  const checkAnswer = createCheckAnswer(shared);

  return async (call: ProxyCall): Promise<Answer> => {
    const { operation, key } = call;
    const requestSchema = jsonContent(prismOperationOf(shared, operation).request?.body?.contents)?.schema;
    const secrets = [key, ...secretValues(call.body, requestSchema)];
    const upstream = await forward(
      origin,
      { path: call.url.pathname, key, contentType: call.contentType, bytes: call.bytes },
      timeout,
    );
    const at = new Date().toISOString();
    const report = (direction: Violation["direction"], status: number | undefined, problems: Problem[]) => {
      for (const { field, rule } of problems) {
        const violation: Violation = {
          at,
          operationId: operation.operationId,
          direction,
          ...(status !== undefined && { status }),
          ...(field !== undefined && { field }),
          rule,
        };
        violations.add(redactValue(violation, secrets));
      }
    };
    if ("failure" in upstream) {
      report("request", undefined, call.problems);
      report("response", undefined, [{ rule: upstream.failure }]);
      return apiError(502, "unavailable", upstream.failure, `proxy: ${upstream.failure}`);
    }
    const { status, type } = upstream;
    const text = new TextDecoder().decode(upstream.bytes);
    const value = parsed(text);
    // An answer's own secrets (a token eTelecom sends back) are as much the call's as the request's.
    secrets.push(...secretValues(value));
    report("request", status, call.problems);
    const problems = checkAnswer(operation, status, type, text);
    report("response", status, problems);
    if (problems.length === 0 && status >= 200 && status < 300)
      recorder?.record(operation.operationId, key, value, secrets);
    const found = call.problems.length + problems.length;
    return {
      status,
      ...(text !== "" && { body: text }),
      ...(type !== null && { type }),
      why: `eTelecom answered ${status}${found === 0 ? "" : `; ${found} violation${found === 1 ? "" : "s"} reported`}`,
    };
  };
}

export type ProxyStage = ReturnType<typeof createProxy>;
