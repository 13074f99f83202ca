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
  /** Where a failed request is logged, one line each; defaults to stderr. Never given a secret. */
  log?: (line: string) => void;
}

/** The path of the callback route: Zalo's redirect after consent. */
export const CALLBACK_PATH = "/zalo/callback";

/** The `redirect_uri` of a public origin; throws a one-line Error unless it is an http(s) origin. */
export function redirectUriOf(publicUrl: string): string {
  const url = URL.canParse(publicUrl) ? new URL(publicUrl) : undefined;
  if (url === undefined || !/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash) {
    throw new Error(`the demo's public URL must be an origin such as https://shop.example.com, got "${publicUrl}"`);
  }
  return `${url.origin}${CALLBACK_PATH}`;
}
