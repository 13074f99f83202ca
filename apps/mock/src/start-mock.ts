import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { specPath } from "@etelecom-zalo/openapi";
import type { IHttpConfig } from "@stoplight/prism-http";
import { createHandler } from "./create-handler.js";
import { loadPrism } from "./load-prism.js";
import { respondToUnparsable } from "./respond.js";
import { compileRoutes } from "./routes.js";

/** Options of {@link startMock}. */
export interface StartMockOptions {
  /** TCP port; 0 picks a free one. Defaults to 4010. */
  port?: number;
  /** Interface to listen on. Defaults to 127.0.0.1. */
  host?: string;
  /** Generate varied success bodies from the schemas instead of answering the documented examples. */
  dynamic?: boolean;
  /** Log Prism's decisions for every request to stdout (slow; for debugging a scenario). */
  verbose?: boolean;
}

/** A running mock server. */
export interface RunningMock {
  /** The origin the mock listens on, e.g. `http://127.0.0.1:4010`: pass it to the client as `baseUrl`. */
  url: string;
  /** Stops the server, drops its open connections and frees its port. */
  close(): Promise<void>;
}

/** Starts the eTelecom mock on the OpenAPI document; resolves once it accepts connections. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const { port = 4010, host = "127.0.0.1", dynamic = false, verbose = false } = options;
  const { prismHttp, prismCore, prismCli, prismValidator } = loadPrism();
  const operations = await prismHttp.getHttpOperationsFromSpec(specPath);
  if (dynamic) {
    // As `prism mock --json-schema-faker-fillProperties=false`: generated bodies hold the schema's own properties,
    // not random extra ones that a frontend would mistake for API fields.
    await prismCli.configureExtensionsUserProvided(specPath, { fillProperties: false });
  }
  const logger = prismCore.createLogger("MOCK", { level: verbose ? "debug" : "silent" });
  // Security and routing are checked before Prism (see create-handler.ts); Prism validates the body and picks
  // the response. Responses come from the spec's own examples and schemas, so validating them per request is waste.
  const config: IHttpConfig = {
    mock: { dynamic },
    checkSecurity: false,
    validateRequest: true,
    validateResponse: false,
    errors: false,
    upstreamProxy: undefined,
    isProxy: false,
  };
  const handler = createHandler({
    prism: prismHttp.createInstance(config, { logger }),
    validateInput: prismValidator.validateInput,
    config,
    routes: compileRoutes(operations),
    dynamic,
    ...(verbose && { log: (line: string) => logger.info(line) }),
  });
  const server = createServer(handler).on("clientError", respondToUnparsable);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostname}:${address.port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((failure) => (failure ? reject(failure) : resolve()));
        server.closeAllConnections();
      }),
  };
}
