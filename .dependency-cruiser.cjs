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

// The mock's request pipeline, in the order a request goes through it (engine/pipeline.ts runs them): a stage may
// use what an earlier stage made, never a later one, so each can be read knowing only what comes before it.
const MOCK_STAGES = ["router", "auth", "reader", "validator", "proxy", "scenario", "behaviour", "answer"];
/**
 * What the mock's engine assembles: its stages, pages, the hooks of the protocols that are not CRUD (the consent
 * flow, Zalo's rules) and the events it delivers; only the adapters sit above it.
 */
const MOCK_ASSEMBLY =
  "^apps/mock/src/(engine|pages|consent|zalo|events|router|auth|reader|validator|proxy|scenario|behaviour|answer)/";

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
      from: { path: "(^|/)src/" },
      to: { circular: true },
    },
    ...MOCK_STAGES.map((stage, index) => ({
      name: `mock-stage-order-${stage}`,
      severity: "error",
      comment:
        `The mock's stage ${index + 1}, ${stage}, may import only earlier stages and the foundation (core, store, ` +
        "hooks): a stage reaching forward would run a later decision early, and the pipeline would stop reading " +
        "in the order requests go through it.",
      from: { path: `^apps/mock/src/${stage}/` },
      to: {
        path: `^apps/mock/src/(${[...MOCK_STAGES.slice(index + 1), "engine", "pages", "consent", "zalo", "events"].join("|")})/`,
      },
    })),
    {
      name: "mock-foundation-below-the-stages",
      severity: "error",
      comment:
        "core (answers, requests, Prism), store (the records) and hooks (the contract of the non-CRUD protocols) " +
        "are what every stage stands on: they must not import a stage, or the engine that assembles them.",
      from: { path: "^apps/mock/src/(core|store|hooks)/" },
      to: { path: MOCK_ASSEMBLY },
    },
    {
      name: "mock-engine-is-the-top",
      severity: "error",
      comment:
        "The engine assembles the stages, pages and hooks; only the adapters (node:http, MSW) and the entry points " +
        "may import it, or it would be both the foundation and the top floor again.",
      from: { path: "^apps/mock/src/", pathNot: "^apps/mock/src/(engine/|msw/|start-mock\\.ts|index\\.ts|cli\\.ts)" },
      to: { path: "^apps/mock/src/engine/" },
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
