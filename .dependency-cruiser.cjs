// The layers of the repository, checked by dependency-cruiser in `pnpm lint` (the root's `lint:deps` task):
//   openapi (the spec, its generated types, the origins) <- client, mock (side by side) <- demo, bench, tests.
// Each rule names the layer it protects and why. A new rule is one more object in `forbidden`; a path pattern is a
// regular expression on the file's path from the repository's root. A workspace package imported by name resolves
// to its built dist (or, unbuilt, stays its bare name), so the patterns match all three spellings.

/** A workspace package by its folder (src or dist) or by its import name, resolved or not. */
const workspacePackage = (folder, name) => `^${folder}/|(^|/)${name.replace("/", "\\/")}(/|$)`;

const CLIENT = workspacePackage("packages/client", "@etelecom-zalo/client");
const MOCK = workspacePackage("apps/mock", "@etelecom-zalo/mock");
const ABOVE_THE_LIBRARIES = `${workspacePackage("apps/demo", "@etelecom-zalo/demo")}|${workspacePackage("bench", "@etelecom-zalo/bench")}`;

// TEMPORARY EXCEPTION to no-circular, exactly these files: the mock's two import loops that predate this check,
// left to the rewrite of the mock's engine and state, under way as this config lands. Both loops run through
// type-only imports on one side, so nothing loads out of order today; the warn-level rule below keeps printing
// them. When the rewrite lands, delete this list, its `pathNot` and the warn rule.
//   apps/mock/src/consent/consent-routes.ts -> engine/pages.ts -> consent/consent-routes.ts
//   apps/mock/src/state/connect.ts -> state/mock-state.ts -> state/connect.ts
const KNOWN_MOCK_CYCLES = [
  "^apps/mock/src/consent/consent-routes\\.ts$",
  "^apps/mock/src/engine/pages\\.ts$",
  "^apps/mock/src/state/connect\\.ts$",
  "^apps/mock/src/state/mock-state\\.ts$",
];

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "An import cycle makes a module's behaviour depend on which file of the loop loads first (a class or const " +
        "read before it is defined), and it welds the modules of the loop into one: none can be understood, " +
        "tested or moved alone.",
      from: { path: "(^|/)src/", pathNot: KNOWN_MOCK_CYCLES },
      to: { circular: true },
    },
    {
      name: "no-circular-known-mock-cycles",
      severity: "warn",
      comment:
        "The mock's two known loops (see KNOWN_MOCK_CYCLES): reported on every run, until the rewrite removes them.",
      from: { path: KNOWN_MOCK_CYCLES },
      to: { circular: true },
    },
    {
      name: "mock-not-on-client",
      severity: "error",
      comment:
        "The mock stands in for eTelecom's server: built from the spec alone, it checks the client instead of " +
        "agreeing with it by construction. What both need (types, origins) lives in openapi. Its tests may use the " +
        "client; its src may not.",
      from: { path: "^apps/mock/src/" },
      to: { path: CLIENT },
    },
    {
      name: "client-not-on-mock",
      severity: "error",
      comment:
        "The client is published and runs in browsers: it must not carry the mock (Prism, Node's http) into " +
        "users' bundles, and it must follow the spec, not the mock's reading of it.",
      from: { path: "^packages/client/src/" },
      to: { path: MOCK },
    },
    {
      name: "client-only-browser-safe-openapi",
      severity: "error",
      comment:
        "openapi's main entry reads the spec with node:fs; the client runs in browsers and may import only the " +
        "subpaths made for it (@etelecom-zalo/openapi/types and /origins).",
      from: { path: "^packages/client/src/" },
      to: { path: "^openapi/(src|dist)/index\\.|(^|/)@etelecom-zalo\\/openapi$" },
    },
    {
      name: "openapi-is-the-bottom",
      severity: "error",
      comment:
        "openapi is the single source of truth that the client and the mock are both derived from: if it imported " +
        "either, the spec's package would depend on what it specifies (and the two would stop being independent).",
      from: { path: "^openapi/src/" },
      to: { path: `${CLIENT}|${MOCK}` },
    },
    {
      name: "libraries-not-on-apps",
      severity: "error",
      comment:
        "The demo and the bench sit on top and may import anything below them; nothing below may import them, or " +
        "a library would ship an example app or a benchmark.",
      from: { path: "^(openapi|packages/[^/]+|apps/mock)/src/" },
      to: { path: ABOVE_THE_LIBRARIES },
    },
  ],
  options: {
    // Type-only imports count: a type import of the client from the mock couples them as surely as a value one.
    tsPreCompilationDeps: true,
    // Another package's built files and third-party code are leaves: what they import is not this repo's layering.
    doNotFollow: { path: ["node_modules", "(^|/)dist/"] },
    exclude: { path: "(^|/)(\\.turbo|coverage)/" },
    // Resolves `./x.js` to `./x.ts` as TypeScript's NodeNext resolution does, and workspace packages by their exports.
    tsConfig: { fileName: "tsconfig.base.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "types", "default"],
      mainFields: ["module", "types", "main"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
