import { deref, type SpecOperation } from "@etelecom-zalo/openapi";
import type { IHttpOperationConfig, IHttpRequest } from "@stoplight/prism-http";
import { type Answer, json } from "../core/answer.js";
import type { PrismOperation, Shared } from "../core/prism.js";

/** The answers the spec itself documents for an operation: its named examples, or Prism's fill-ins without one. */
export interface SpecAnswers {
  /** The status of the operation's documented success: its first 2xx. */
  successStatus(operation: SpecOperation): number;
  /** The status a named example belongs to. */
  statusOf(operation: SpecOperation, example: string): number | undefined;
  /** The documented answer: the named example, else the status's first example, else Prism's from the schema. */
  documented(operation: SpecOperation, input: IHttpRequest, status: number, example?: string): Promise<Answer>;
  /** A body Prism generates from the schema of `status` (for operations the state does not answer). */
  generated(operation: SpecOperation, input: IHttpRequest, status: number): Promise<Answer>;
}

/** Creates the spec's answers over the shared Prism; each documented answer is serialised once. */
export function createSpecAnswers(shared: Shared): SpecAnswers {
  const cache = new Map<string, Answer>();

  const prismOperation = (operation: SpecOperation) =>
    shared.prismOperations.get(operation.operationId) as PrismOperation;

  /** The headers a status documents with an example (a 429's `Retry-After`), which its documented answer carries. */
  function documentedHeaders(operation: SpecOperation, status: number): Record<string, string> {
    const container = operation.object.responses[String(status)];
    const { headers = {} } = (container ? deref(shared.spec, container) : {}) as { headers?: Record<string, object> };
    const found: Record<string, string> = {};
    for (const [name, header] of Object.entries(headers)) {
      const { example } = deref(shared.spec, header) as { example?: unknown };
      if (example !== undefined) found[name.toLowerCase()] = String(example);
    }
    return found;
  }

  async function fromPrism(operation: SpecOperation, input: IHttpRequest, mock: IHttpOperationConfig) {
    const result = await shared.prism().request(input, [prismOperation(operation)], { ...shared.config, mock })();
    if (result._tag === "Left") throw result.left;
    return { status: result.right.output.statusCode, body: result.right.output.body };
  }

  return {
    successStatus: (operation) =>
      operation.responses.find(({ status }) => status >= 200 && status < 300)?.status ?? 200,
    statusOf: (operation, example) => operation.responses.find(({ examples }) => examples.has(example))?.status,
    async documented(operation, input, status, example) {
      const key = `${operation.operationId} ${status} ${example ?? ""}`;
      let answer = cache.get(key);
      if (answer === undefined) {
        const examples = operation.responses.find((response) => response.status === status)?.examples;
        const name = example ?? examples?.keys().next().value;
        if (name !== undefined && examples?.has(name)) {
          answer = json(status, examples.get(name), `documented ${status} ${name}`);
        } else {
          // Fixed media type so that Prism never negotiates on `Accept`: eTelecom always answers JSON.
          const made = await fromPrism(operation, input, {
            dynamic: false,
            code: status,
            mediaTypes: ["application/json"],
          });
          answer = json(made.status, made.body, `documented ${made.status}, from its schema`);
        }
        const headers = documentedHeaders(operation, status);
        if (Object.keys(headers).length > 0) answer = { ...answer, headers };
        cache.set(key, answer);
      }
      return answer;
    },
    async generated(operation, input, status) {
      const made = await fromPrism(operation, input, { dynamic: true, code: status, mediaTypes: ["application/json"] });
      return json(made.status, made.body, `generated ${made.status} from its schema`);
    },
  };
}
