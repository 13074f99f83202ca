import { findOperation } from "@etelecom-zalo/openapi";
import { afterAll, beforeAll } from "vitest";
import { type StartMockOptions, startMock } from "../src/index.js";

/** The request body each operation documents as valid, by operationId. */
export const bodyOf = (operationId: string) => findOperation(operationId).requestExample as Record<string, unknown>;

/** A valid AuthorizeOA body. */
export const validBody = bodyOf("AuthorizeOA");

/** The shop-scope AuthorizeOA path, as in production. */
export const AUTHORIZE_OA = "/v1/shop.Zalo/AuthorizeOA";

/** An operation's production path for a scope. */
export const pathOf = (operationId: string, scope: "shop" | "partner" = "shop") =>
  findOperation(operationId).pathTemplate.replace("{scope}", scope);

/** A JSON answer as tests read it: they assert its shape field by field. */
// biome-ignore lint/suspicious/noExplicitAny: each test asserts the fields it reads, which a static type cannot know.
export type Json = any;

/** What {@link MockHandle.post} sends; `body` is sent as given when it is a string, as JSON otherwise. */
export interface Call {
  headers?: Record<string, string>;
  body?: unknown;
  method?: string;
  /** Aborts the request: a client that gives up. */
  signal?: AbortSignal;
}

/** The running mock of one test file. */
export interface MockHandle {
  url: string;
  /** Sends a request with `Content-Type: application/json` and a bearer key unless `headers` overrides them. */
  post(path?: string, call?: Call): Promise<Response>;
  /** Calls an operation with a key (`test-key` by default) and resolves to its status and JSON body. */
  call(
    operationId: string,
    body: unknown,
    options?: { key?: string; scope?: "shop" | "partner"; headers?: Record<string, string> },
  ): Promise<{ status: number; body: Json }>;
  /** Clears the mock's state, as `POST /__reset` does. */
  reset(key?: string): void;
}

/** Starts a mock on a free port before the file's tests and closes it after them. */
export function useMock(options: StartMockOptions = {}): MockHandle {
  let running: Awaited<ReturnType<typeof startMock>> | undefined;
  const handle: MockHandle = {
    url: "",
    post: (path = AUTHORIZE_OA, { headers = {}, body = validBody, method = "POST", signal } = {}) =>
      fetch(handle.url + path, {
        method,
        ...(signal && { signal }),
        headers: { "Content-Type": "application/json", Authorization: "Bearer test-key", ...headers },
        ...(method === "GET" || method === "HEAD"
          ? {}
          : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      }),
    async call(operationId, body, { key = "test-key", scope = "shop", headers = {} } = {}) {
      const response = await handle.post(pathOf(operationId, scope), {
        body,
        headers: { Authorization: `Bearer ${key}`, ...headers },
      });
      return { status: response.status, body: await response.json() };
    },
    reset: (key) => running?.reset(key),
  };
  beforeAll(async () => {
    running = await startMock({ ...options, port: 0 });
    handle.url = running.url;
  });
  afterAll(() => running?.close());
  return handle;
}

/** Reads an error answer, checking the shape every answer of the mock has. */
export async function errorOf(response: Response) {
  expectJson(response);
  const body = (await response.json()) as { code: unknown; msg: unknown };
  if (typeof body.code !== "string" || typeof body.msg !== "string" || Object.keys(body).length !== 2) {
    throw new Error(`not an eTelecom error body: ${JSON.stringify(body)}`);
  }
  return { status: response.status, code: body.code, msg: body.msg };
}

/** Fails unless the response is declared as JSON. */
export function expectJson(response: Response): void {
  const type = response.headers.get("content-type");
  if (type !== "application/json") throw new Error(`content-type is ${type}, not application/json`);
}
