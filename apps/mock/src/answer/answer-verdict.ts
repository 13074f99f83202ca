import type { SpecOperation } from "@etelecom-zalo/openapi";
import type { IHttpRequest } from "@stoplight/prism-http";
import type { Verdict } from "../behaviour/behave.js";
import { type Answer, invalidArgument, json } from "../core/answer.js";
import { keepDeclared } from "../core/keep-declared.js";
import { jsonContent, prismOperationOf, type Shared } from "../core/prism.js";
import { createSpecAnswers } from "./spec-answers.js";

/**
 * Stage 7, answer: turns a verdict into the answer on the wire. A success passes through its status's schema,
 * which drops what the schema does not declare (a stored OA has a webhook; an operation that answers the OA schema has none);
 * an example is answered as the spec documents it.
 */
export function createAnswerVerdict(shared: Shared) {
  const spec = createSpecAnswers(shared);
  const schemaOf = (operation: SpecOperation, status: number) =>
    jsonContent(
      prismOperationOf(shared, operation).responses.find((response) => Number(response.code) === status)?.contents,
    )?.schema;
  const success = (operation: SpecOperation, status: number, value: unknown, why: string) =>
    json(status, keepDeclared(value, schemaOf(operation, status)), why);

  return {
    successStatus: spec.successStatus,
    async answer(operation: SpecOperation, input: IHttpRequest, verdict: Verdict): Promise<Answer> {
      if ("generated" in verdict) {
        if (verdict.value !== undefined) return success(operation, verdict.generated, verdict.value, verdict.why);
        return { ...(await spec.generated(operation, input, verdict.generated)), why: verdict.why };
      }
      if ("documented" in verdict) {
        const documented = await spec.documented(operation, input, verdict.documented, verdict.example);
        return { ...documented, why: `${verdict.why}: ${documented.why}` };
      }
      const { outcome } = verdict;
      if ("value" in outcome) return success(operation, verdict.status, outcome.value, outcome.why);
      if ("invalid" in outcome) return { ...invalidArgument(outcome.invalid), why: outcome.why };
      const status = spec.statusOf(operation, outcome.example);
      if (status === undefined) throw new Error(`${operation.operationId} documents no example ${outcome.example}`);
      return { ...(await spec.documented(operation, input, status, outcome.example)), why: outcome.why };
    },
  };
}
