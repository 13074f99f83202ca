import { createServer } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { type StartMockOptions, startMock } from "../src/index.js";

/** A valid AuthorizeOA body. */
export const validBody = {
  app_id: "1234567890123456789",
  app_secret: "aB3dE5fG7hI9jK1lM2nO",
  redirect_uri: "https://shop.example.com/zalo/callback",
};

/** The shop-scope AuthorizeOA path, as in production. */
export const AUTHORIZE_OA = "/v1/shop.Zalo/AuthorizeOA";

/** What {@link MockHandle.post} sends; `body` is sent as given when it is a string, as JSON otherwise. */
export interface Call {
  headers?: Record<string, string>;
  body?: unknown;
  method?: string;
}

/** The running mock of one test file. */
export interface MockHandle {
  url: string;
  /** Sends a request with `Content-Type: application/json` and a bearer key unless `headers` overrides them. */
  post(path?: string, call?: Call): Promise<Response>;
}

/** Starts a mock on a free port before the file's tests and closes it after them. */
export function useMock(options: StartMockOptions = {}): MockHandle {
  let close: () => Promise<void> = async () => {};
  const handle: MockHandle = {
    url: "",
    post: (path = AUTHORIZE_OA, { headers = {}, body = validBody, method = "POST" } = {}) =>
      fetch(handle.url + path, {
        method,
        headers: { "Content-Type": "application/json", Authorization: "Bearer test-key", ...headers },
        ...(method === "GET" || method === "HEAD"
          ? {}
          : { body: typeof body === "string" ? body : JSON.stringify(body) }),
      }),
  };
  beforeAll(async () => {
    const mock = await startMock({ ...options, port: 0 });
    handle.url = mock.url;
    close = mock.close;
  });
  afterAll(() => close());
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

/** Resolves whether something can listen on `port` of 127.0.0.1 now. */
export function portIsFree(port: number) {
  return new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
