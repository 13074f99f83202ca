import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { createDemoApp } from "./app.js";
import type { DemoConfig } from "./demo-config.js";

/** Options of {@link startDemo}: the app's config, whose `publicUrl` defaults to the address it listens on. */
export type StartDemoConfig = Omit<DemoConfig, "publicUrl" | "listening"> & { publicUrl?: string };

/** A running demo. */
export interface RunningDemo {
  /** The origin to open in a browser: `publicUrl`, or else `listening`. */
  url: string;
  /** The origin it listens on, e.g. `http://127.0.0.1:3000`. */
  listening: string;
  /** Stops the server, drops its open connections and frees its port. */
  close(): Promise<void>;
}

/** Starts the demo on `port` (0 picks a free one) and `host`; rejects with the listen error, e.g. EADDRINUSE. */
export async function startDemo(
  config: StartDemoConfig,
  listen: { port?: number; host?: string } = {},
): Promise<RunningDemo> {
  let app: Hono | undefined;
  // The app is made once the port is known, since its redirect_uri may be built from it.
  const server = serve({
    fetch: (request, env) => app?.fetch(request, env) ?? new Response("starting", { status: 503 }),
    port: listen.port ?? 3000,
    hostname: listen.host ?? "127.0.0.1",
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.once("listening", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((failure) => (failure ? reject(failure) : resolve()));
      if ("closeAllConnections" in server) server.closeAllConnections();
    });
  const { address, family, port } = server.address() as AddressInfo;
  // Listening on every interface (0.0.0.0 or ::) is not an address a browser can go back to.
  const hostname =
    address === "0.0.0.0" || address === "::" ? "localhost" : family === "IPv6" ? `[${address}]` : address;
  const origin = `http://${hostname}:${port}`;
  const url = config.publicUrl ?? origin;
  try {
    app = createDemoApp({ ...config, publicUrl: url, listening: origin });
  } catch (error) {
    await close();
    throw error;
  }
  return { url: new URL(url).origin, listening: origin, close };
}
