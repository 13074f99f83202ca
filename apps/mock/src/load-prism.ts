import { createRequire } from "node:module";

type PrismHttp = typeof import("@stoplight/prism-http");
type PrismCore = typeof import("@stoplight/prism-core");
type PrismCliExtensions = typeof import("@stoplight/prism-cli/dist/extensions.js");
type PrismValidator = typeof import("@stoplight/prism-http/dist/validator/index.js");

const require = createRequire(import.meta.url);

/**
 * Makes `@faker-js/faker` load on first use instead of at import. Prism's JSON Schema generator requires the whole
 * faker package (every locale, about 0.6 s of a 1 s startup) but only touches it for schemas with a `faker`
 * keyword, which this spec has none of.
 */
function deferFaker(prismHttpPath: string): void {
  const requireFromPrism = createRequire(prismHttpPath);
  const fakerPath = requireFromPrism.resolve("@faker-js/faker");
  if (require.cache[fakerPath]) return;
  let faker: object | undefined;
  const load = () => {
    if (!faker) {
      delete require.cache[fakerPath];
      faker = requireFromPrism("@faker-js/faker").default as object;
    }
    return faker;
  };
  const lazyFaker = new Proxy({}, { get: (_, key) => Reflect.get(load(), key) });
  const Module = require("node:module") as new (id: string) => NodeJS.Module;
  const stub = new Module(fakerPath);
  stub.filename = fakerPath;
  stub.loaded = true;
  stub.exports = { __esModule: true, default: lazyFaker };
  require.cache[fakerPath] = stub;
}

/** Loads Prism's HTTP engine and core, deferring the parts a mock of this spec never needs. */
export function loadPrism(): {
  prismHttp: PrismHttp;
  prismCore: PrismCore;
  prismCli: PrismCliExtensions;
  prismValidator: PrismValidator;
} {
  deferFaker(require.resolve("@stoplight/prism-http"));
  return {
    prismHttp: require("@stoplight/prism-http") as PrismHttp,
    prismCore: require("@stoplight/prism-core") as PrismCore,
    prismCli: require("@stoplight/prism-cli/dist/extensions.js") as PrismCliExtensions,
    prismValidator: require("@stoplight/prism-http/dist/validator/index.js") as PrismValidator,
  };
}
