import { createServer, type RequestListener } from "node:http";
import type { AddressInfo } from "node:net";
import { closedPort } from "@etelecom-zalo/test-support";

/** A real HTTP server on a free loopback port, for what a fake `fetch` cannot show: sockets that break or stall. */
export async function startServer(listener: RequestListener) {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An origin on which nothing listens. */
export async function closedPortUrl(): Promise<string> {
  return `http://127.0.0.1:${await closedPort()}`;
}
