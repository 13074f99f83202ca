import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
// The mock's package entry does not export the reference yet; once its engine serves it, `startMock` replaces this file.
import { serveReference } from "../../mock/dist/reference/serve-reference.js";

/** A running server, shaped like `startMock`'s result. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `serveReference` alone on 127.0.0.1 and a free port; any other request is a 404. */
export async function startReferenceServer(): Promise<RunningServer> {
  const server = createServer(async (incoming, outgoing) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const request = new Request(`http://${incoming.headers.host}${incoming.url}`, {
      method: incoming.method ?? "GET",
      headers,
    });
    const response = (await serveReference(request)) ?? new Response("not found", { status: 404 });
    outgoing.writeHead(response.status, Object.fromEntries(response.headers));
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((failure) => (failure ? reject(failure) : resolve()));
        server.closeAllConnections();
      }),
  };
}
