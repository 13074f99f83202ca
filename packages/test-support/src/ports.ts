import { createServer, type Server } from "node:net";
import { onTestFinished } from "vitest";

/** Listens on a free port of 127.0.0.1 and resolves with the server, once listening. */
async function listenOnFreePort(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

/** Holds a port of 127.0.0.1 until the test finishes, so that a server started on it finds it busy. */
export async function busyPort(): Promise<number> {
  const blocker = await listenOnFreePort();
  onTestFinished(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  return (blocker.address() as { port: number }).port;
}

/** A port of 127.0.0.1 that nothing listens on: a server reserves a free one, then lets it go. */
export async function closedPort(): Promise<number> {
  const probe = await listenOnFreePort();
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** Resolves whether something can listen on `port` of 127.0.0.1 now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const probe = createServer()
      .once("error", () => resolve(false))
      .listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
