import { createRequire } from "node:module";
import type { HttpHandler } from "msw";
import { checkOptions, optionNames } from "../core/options.js";
import {
  BEHAVIOUR_OPTIONS,
  createMockEngine,
  type MockEngineOptions,
  type PROXY_OPTIONS,
} from "../engine/create-mock-engine.js";
import { interceptedOrigins } from "./intercepted-origins.js";
import { assertMswRunsOn, httpModuleOf } from "./msw-version.js";

// The app's MSW (a peer dependency), 2 or 3. `http` is not taken from "msw" itself, whose index also loads GraphQL
// and WebSocket support (about 0.1 s) that these never use, but from the module that holds it in that version.
const { version: mswVersion } = createRequire(import.meta.url)("msw/package.json") as { version: string };
const { http } = (await import(httpModuleOf(mswVersion))) as typeof import("msw/core/http");

/**
 * Options of {@link zaloCloudHandlers}: the engine's, and which origin to intercept besides eTelecom's own. Not the
 * proxy's: handlers that intercept eTelecom's origins would catch the proxy's own calls to eTelecom.
 */
export interface ZaloCloudHandlersOptions
  extends Omit<MockEngineOptions, "log" | "specPath" | "report" | keyof typeof PROXY_OPTIONS> {
  /**
   * An origin to intercept besides production's (`https://api.etelecom.vn`) and sandbox's
   * (`https://api-sandbox.etelecom.vn`), e.g. the `baseUrl` an app already uses for the mock server: an origin, read as
   * the client reads its `baseUrl`; one with a path prefix is refused (the handlers answer an origin).
   */
  baseUrl?: string;
}

const HANDLER_OPTIONS = optionNames({
  ...BEHAVIOUR_OPTIONS,
  baseUrl: true,
} satisfies Record<keyof ZaloCloudHandlersOptions, true>);

/** MSW request handlers that answer as the mock server does (spread them into `setupServer`), and their reset. */
export interface ZaloCloudHandlers extends Array<HttpHandler> {
  /** Forgets one key's state (`key` given) or every key's, back to the fixtures, as `POST /__reset` does. */
  reset(key?: string): void;
  /** Stops delivering events (their timer never keeps the process alive, but a test may end them at once). */
  close(): void;
}

/**
 * Creates MSW handlers for `setupServer` on the mock's engine: every request to eTelecom's production and sandbox
 * origins, and to `baseUrl`, gets the answer the mock server would give it. Asynchronous because the engine is: it
 * loads the spec and Prism once per process, and a bad option rejects here rather than on the first request, as does
 * MSW 3 on a Node older than it runs on.
 */
export async function zaloCloudHandlers(options: ZaloCloudHandlersOptions = {}): Promise<ZaloCloudHandlers> {
  checkOptions(options, HANDLER_OPTIONS);
  assertMswRunsOn(mswVersion, process.versions.node);
  const { baseUrl, ...engineOptions } = options;
  const origins = interceptedOrigins(baseUrl);
  const engine = await createMockEngine(engineOptions);
  const handlers = [http.all(origins, ({ request }) => engine.handle(request))];
  return Object.assign(handlers, { reset: (key?: string) => engine.reset(key), close: () => engine.close() });
}
