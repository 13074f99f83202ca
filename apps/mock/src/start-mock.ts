import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { checkOptions, optionNames } from "./core/options.js";
import {
  BEHAVIOUR_OPTIONS,
  createEngineCore,
  type MockEngineOptions,
  PROXY_OPTIONS,
} from "./engine/create-mock-engine.js";
import { actOut } from "./node/act-out.js";
import { answerClientError } from "./node/client-error.js";
import { connectionRegistry } from "./node/connections.js";
import { errorResponse, writeRawError } from "./node/raw-answer.js";
import { sendAnswer, sendResponse } from "./node/send-response.js";
import { toRequest } from "./node/to-request.js";

/** Options of {@link startMock}: the engine's, and how to listen. */
export interface StartMockOptions extends Omit<MockEngineOptions, "log" | "report"> {
  /** TCP port; 0 picks a free one. Defaults to 4010. */
  port?: number;
  /** Interface to listen on. Defaults to 127.0.0.1, as does an empty string (an empty `HOST`). */
  host?: string;
  /** Log one line per request to stdout, with the decision behind its answer (keys and secrets never shown). */
  verbose?: boolean;
  /**
   * Milliseconds a client has to send a whole request before a JSON 408, and that a `timeout` fault holds a request
   * before closing its connection (if the client has not given up first). Defaults to 60000.
   */
  requestTimeout?: number;
}

/** The names {@link startMock} takes. */
export const START_OPTIONS = optionNames({
  ...BEHAVIOUR_OPTIONS,
  ...PROXY_OPTIONS,
  port: true,
  host: true,
  verbose: true,
  requestTimeout: true,
  specPath: true,
} satisfies Record<keyof StartMockOptions, true>);

/** A running mock server. */
export interface RunningMock {
  /** The origin the mock listens on, e.g. `http://127.0.0.1:4010`: pass it to the client as `baseUrl`. */
  url: string;
  /** Forgets one key's state (`key` given) or every key's, back to the fixtures, as `POST /__reset` does. */
  reset(key?: string): void;
  /** Stops the server, drops its open connections and frees its port. */
  close(): Promise<void>;
}

/** Starts the eTelecom mock on the OpenAPI document; resolves once it accepts connections. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  checkOptions(options, START_OPTIONS);
  const { port = 4010, host: givenHost, verbose = false, requestTimeout = 60_000, ...engineOptions } = options;
  // Empty is unset, as for every other variable of the environment: not "every interface", which Node makes of it.
  const host = givenHost || "127.0.0.1";
  const write = (line: string) => process.stdout.write(`${line}\n`);
  const log = verbose ? write : undefined;
  /** The origin it listens on, known once listening: no request comes before. */
  let url = "";
  // A proxy's violations are what it is run for: they are written with or without `verbose`.
  const report = engineOptions.proxy === undefined ? undefined : write;
  const engine = await createEngineCore(
    { ...engineOptions, ...(log && { log }), ...(report && { report }) },
    () => url,
  );
  /** The adapter's own answers, logged as the engine logs its own. */
  const refuse = (incoming: IncomingMessage, status: number, code: string, msg: string) => {
    log?.(`${incoming.method} ${incoming.url?.split("?", 1)[0]} -> ${status} ${code}: ${msg}`);
    return errorResponse(status, code, msg);
  };
  const connections = connectionRegistry();

  async function serve(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const converted = toRequest(incoming);
    const abort = "head" in converted ? converted.body?.abort : undefined;
    const connection = connections.open({ incoming, ...(abort && { abort }) }, outgoing);
    if (!("head" in converted)) {
      connection.writing = true;
      await sendResponse(incoming, outgoing, refuse(incoming, converted.status, converted.code, converted.msg));
      connection.writing = false;
      return;
    }
    const request = { ...converted.head, body: converted.body ? await converted.body.body : null };
    const answer = await engine.answer(request);
    const plain = answer instanceof Response || (answer.delay === undefined && answer.fault === undefined);
    if (!plain && !(await actOut(incoming, outgoing, answer, request, requestTimeout))) return;
    connection.writing = true;
    await (answer instanceof Response
      ? sendResponse(incoming, outgoing, answer)
      : sendAnswer(incoming, outgoing, answer, request));
    connection.writing = false;
  }

  const server = createServer({
    // Answered by the adapter, as JSON, instead of Node's empty 400.
    requireHostHeader: false,
    requestTimeout,
    headersTimeout: requestTimeout,
    // How often Node looks for timed-out requests: often enough that a short timeout is kept to.
    connectionsCheckingInterval: Math.min(1000, Math.max(10, requestTimeout / 4)),
  });
  // An idle keep-alive connection outlives its clients' own idle timeouts (undici's 4 s), so that a client, never the
  // mock, closes it: a mock that closed first (Node's 5 s) could reset a request a busy client had just sent on it,
  // as seen in the mock's own tests on a loaded machine (read ECONNRESET).
  server.keepAliveTimeout = 65_000;
  server.on("request", (incoming, outgoing) => {
    serve(incoming, outgoing).catch(() => outgoing.destroy());
  });
  server.on("checkExpectation", (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const msg = `Expect: ${JSON.stringify(incoming.headers.expect ?? "")} is not supported (only 100-continue is)`;
    sendResponse(incoming, outgoing, refuse(incoming, 417, "invalid_argument", msg)).catch(() => outgoing.destroy());
  });
  server.on("connect", (incoming: IncomingMessage, socket: Duplex) => {
    const msg = `unsupported method CONNECT for path ${incoming.url}`;
    log?.(`CONNECT ${incoming.url} -> 404 bad_route: ${msg}`);
    writeRawError(socket, 404, "bad_route", msg);
  });
  server.on("clientError", (failure: NodeJS.ErrnoException, socket: Duplex) => {
    answerClientError(failure, socket, connections.of(socket), requestTimeout);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostname = address.family === "IPv6" ? `[${address.address}]` : address.address;
  url = `http://${hostname}:${address.port}`;
  return {
    url,
    reset: (key) => engine.reset(key),
    close: () =>
      new Promise<void>((resolve, reject) => {
        engine.close();
        server.close((failure) => (failure ? reject(failure) : resolve()));
        server.closeAllConnections();
      }),
  };
}
