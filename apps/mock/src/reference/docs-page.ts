/** Where the page and the files it loads are served; every one is on the mock's own origin. */
export const DOCS_PATHS = { page: "/__docs", scalar: "/__docs/scalar.js", init: "/__docs/init.js" } as const;

/** The reference page: Scalar's bundle and the script that starts it, nothing else (the icon is empty, inline). */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>eTelecom Zalo Cloud API reference (mock)</title>
    <link rel="icon" href="data:,">
  </head>
  <body>
    <div id="reference"></div>
    <script src="${DOCS_PATHS.scalar}"></script>
    <script src="${DOCS_PATHS.init}"></script>
  </body>
</html>
`;

/**
 * The key "Test Request" sends until the reader types another: the mock takes any non-empty Bearer key, and an empty
 * field would make the first click a 401.
 */
export const DOCS_DEV_KEY = "dev-key";

/**
 * Starts Scalar on the mock's JSON document. Everything Scalar would fetch from scalar.com is off: web fonts (the
 * system's fonts are used), telemetry, the AI agent, the developer toolbar (its "share" uploads the document) and
 * the API client button. "Test request" is sent to the origin the page was opened on, so to this mock whatever its
 * host and port, never to the spec's api.etelecom.vn.
 */
export const DOCS_INIT = `Scalar.createApiReference("#reference", {
  url: "/openapi.json",
  servers: [{ url: window.location.origin, description: "This mock server" }],
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  showDeveloperTools: "never",
  hideClientButton: true,
  defaultOpenAllTags: true,
  showOperationId: true,
  authentication: {
    preferredSecurityScheme: "bearerAuth",
    securitySchemes: { bearerAuth: { token: "${DOCS_DEV_KEY}" } },
  },
});
`;

/**
 * Only the mock's own origin, for everything: the browser itself refuses any other host, so a Scalar upgrade that
 * starts fetching a font or calling home shows up as a console error, not as silent traffic. Scalar's bundle
 * injects its styles, hence inline styles.
 */
export const DOCS_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");
