import { specPath } from "@etelecom-zalo/openapi";
import prismCore from "@stoplight/prism-core";
import prismHttp from "@stoplight/prism-http";
import prismHttpServer from "@stoplight/prism-http-server";

/** Options of {@link startMock}. */
export interface StartMockOptions {
  /** TCP port; 0 picks a free one. Defaults to 4010. */
  port?: number;
  /** Interface to listen on. Defaults to 127.0.0.1. */
  host?: string;
}

/** A running mock server. */
export interface RunningMock {
  /** The origin the mock listens on, e.g. `http://127.0.0.1:4010`: pass it to the client as `baseUrl`. */
  url: string;
  /** Stops the server and frees its port. */
  close(): Promise<void>;
}

/** Starts Prism on the OpenAPI document; resolves once it accepts connections. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const { port = 4010, host = "127.0.0.1" } = options;
  const operations = await prismHttp.getHttpOperationsFromSpec(specPath);
  const logger = prismCore.createLogger("MOCK", { level: "silent" });
  const server = prismHttpServer.createServer(operations, {
    cors: true,
    components: { logger },
    config: {
      mock: { dynamic: false },
      checkSecurity: true,
      validateRequest: true,
      validateResponse: true,
      errors: false,
      upstreamProxy: undefined,
      isProxy: false,
    },
  });
  const url = await server.listen(port, host);
  return { url, close: () => server.close() };
}
