// The client's size budget, checked by `pnpm check:bundle` and reported by `pnpm bench` (`size-limit --json`).
// esbuild bundles as an app's bundler would: for the browser, as an ES module, minified; size-limit then takes the
// brotli size, or the minified size where `brotli` is false.
const asAnApp = (config) => ({ ...config, platform: "browser", format: "esm" });

export default [
  // It was 8 kB for the six operations; it is 9.5 kB since the client retries idempotent reads (about 0.45 kB),
  // redacts every encoded form of a secret (JSON escapes, URL and form encoding, HTML entities, base64: about 0.8 kB)
  // and refuses endless pages, deep nesting and odd statuses as errors of its own. Each of these runs on every call's
  // path, so no bundler can leave it out, and each was asked for by a probe that found the client failing without
  // it; the budget keeps about 6% above the 8.96 kB measured with them, so that growth still has to be argued for.
  { name: "client, brotli", path: "dist/index.js", limit: "9500 B", modifyEsbuildConfig: asAnApp },
  // openapi-fetch alone is about 6.6 kB minified, and the 200 checks that ajv generates from the spec about 13 kB
  // (one branch per field, so repetitive that brotli takes them to about 1.9 kB), so 9.5 kB minified cannot hold the
  // client; this cap (about 5% above the measured 34.9 kB) catches growth of the uncompressed bundle instead.
  { name: "client, minified", path: "dist/index.js", limit: "36500 B", brotli: false, modifyEsbuildConfig: asAnApp },
  // What of the minified client is openapi-fetch's, for the report: its default export, the one the client imports.
  {
    name: "openapi-fetch's createClient, minified",
    import: { "node_modules/openapi-fetch/dist/index.mjs": "createClient" },
    brotli: false,
    modifyEsbuildConfig: asAnApp,
  },
];
