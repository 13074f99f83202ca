// `pnpm generate`: writes everything derived from the spec: the spec's types into the spec package (openapi/, which
// the client and the mock both import them from), and the client's own tables. `--check` (the `drift` task) writes
// nothing and fails when a committed file differs from what the spec gives, saying how to fix it. One generator,
// so one `pnpm generate` and one drift check cover every generated file.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { loadSpec, specPath } from "@etelecom-zalo/openapi";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { compileResponseChecks } from "./compile-response-checks.mjs";
import { describeOperations } from "./describe-operations.mjs";
import { renderChecks, renderMethodNames, renderMethods, renderMethodsDoc, renderTable } from "./render-operations.mjs";

const spec = loadSpec();
const operations = describeOperations(spec);
// What openapi-typescript's CLI writes, with one option: a `default` in a shared schema (CursorPaging's limit)
// must not make the field required in requests, where the server fills the default in.
const types = await openapiTS(pathToFileURL(specPath), { defaultNonNullable: false, silent: true });

const files = new Map([
  ["openapi/src/generated/api.ts", `${COMMENT_HEADER}${astToString(types)}`],
  ["packages/client/src/generated/operations.ts", renderTable(operations)],
  ["packages/client/src/generated/methods.ts", renderMethods(operations)],
  ["packages/client/src/generated/method-names.ts", renderMethodNames(operations)],
  ["packages/client/src/generated/response-checks.ts", renderChecks(compileResponseChecks(spec, operations))],
  ["docs/methods.md", renderMethodsDoc(operations)],
]);
// The files' paths are from the repository's root.
const target = (file) => new URL(`../../../${file}`, import.meta.url);
const read = (file) => {
  try {
    return readFileSync(target(file), "utf8");
  } catch {
    return undefined;
  }
};

if (process.argv.includes("--check")) {
  const stale = [...files].filter(([file, text]) => read(file) !== text).map(([file]) => file);
  if (stale.length > 0) {
    console.error(
      `${stale.join(", ")} ${stale.length === 1 ? "is" : "are"} stale: openapi/openapi.yaml changed since ${stale.length === 1 ? "it was" : "they were"} generated.\nRun \`pnpm generate\`, then commit the result.`,
    );
    process.exit(1);
  }
} else {
  for (const [file, text] of files) writeFileSync(target(file), text);
  console.log(`Generated ${[...files.keys()].join(", ")} from ${specPath}`);
}
