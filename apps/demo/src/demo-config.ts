import type { ZaloCloudClientOptions } from "@etelecom-zalo/client";

/** Everything the demo needs to run: how to reach eTelecom, which Zalo app the OAs authorize, and where it lives. */
export interface DemoConfig {
  /** The client's options: the key, the scope, `environment` or `baseUrl` (the mock), and for tests `fetch`. */
  etelecom: ZaloCloudClientOptions;
  /** The Zalo app the OA owners authorize, from developers.zalo.me. */
  zaloApp: { app_id: string; app_secret: string };
  /**
   * The demo's public origin, e.g. `https://shop.example.com`. Zalo sends the owner back to
   * `<publicUrl>/zalo/callback`, which must be the app's "Official Account Callback Url".
   */
  publicUrl: string;
  /**
   * The origin the server listens on, e.g. `http://127.0.0.1:3000`, when the browser may reach it there too. A
   * request must name `publicUrl`'s host or this one (any loopback name, for a loopback address) in `Host`.
   */
  listening?: string;
  /**
   * How `/zalo/webhook` verifies the events Zalo posts to it (see the client's `verifyWebhookEvent`): the OA secret
   * key, and how far an event's timestamp may lie from this server's clock (5 minutes unless given). Without it, the
   * demo receives no events.
   */
  zaloWebhook?: { oaSecretKey: string; toleranceMs?: number };
  /** Where a failed request is logged, one line each; defaults to stderr. Never given a secret. */
  log?: (line: string) => void;
}

/** The path of the callback route: Zalo's redirect after consent. */
export const CALLBACK_PATH = "/zalo/callback";
/** The path of the route that receives Zalo's events: an OA's `webhook_url` is `<publicUrl>/zalo/webhook`. */
export const WEBHOOK_PATH = "/zalo/webhook";

/** The `redirect_uri` of a public origin; throws a one-line Error unless it is an http(s) origin. */
export function redirectUriOf(publicUrl: string): string {
  const url = URL.canParse(publicUrl) ? new URL(publicUrl) : undefined;
  if (url === undefined || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash) {
    throw new Error(`the demo's public URL must be an origin such as https://shop.example.com, got "${publicUrl}"`);
  }
  return `${url.origin}${CALLBACK_PATH}`;
}

/** The loopback names of one machine: a browser may reach a demo on any of them by any of them. */
const LOOPBACK = ["127.0.0.1", "localhost", "[::1]"];

/**
 * The origins the demo lives at: its public one, the one it listens on, and, when that is a loopback address, the
 * same port on the other loopback names. Only these may be named in a request's `Host` or a form's `Origin`.
 */
export function ownOrigins({ publicUrl, listening }: Pick<DemoConfig, "publicUrl" | "listening">): string[] {
  const origins = new Set([new URL(publicUrl).origin]);
  if (listening !== undefined) {
    const url = new URL(listening);
    origins.add(url.origin);
    if (LOOPBACK.includes(url.hostname)) {
      for (const name of LOOPBACK) origins.add(`${url.protocol}//${name}${url.port && `:${url.port}`}`);
    }
  }
  return [...origins];
}
