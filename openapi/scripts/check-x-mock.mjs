// Part of `pnpm lint`: the mock's behaviour, declared in the document, is checked like the rest of it. Every
// operation must say how the stateful mock answers it (an operation without `x-mock` would otherwise fall back to
// its examples with no warning), in the format of x-mock.schema.json, naming resources and examples that exist.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import { checkMockDeclarations, loadSpec, mockDeclarationsSchemaPath, readMockDeclarations } from "../dist/index.js";

const spec = loadSpec();
// strictRequired off: the format tells its forms apart with `if: { required: [...] }`, which names a property that
// the `if` itself does not declare (its `then` does), as JSON Schema intends.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(JSON.parse(readFileSync(mockDeclarationsSchemaPath, "utf8")));
const problems = [];
if (!validate(readMockDeclarations(spec))) {
  for (const error of validate.errors ?? []) {
    // `if`/`oneOf` only say that a branch failed; the errors of the branch itself say how.
    if (error.keyword === "if" || error.keyword === "oneOf") continue;
    // `operations/ListOA/filter/name` reads as the operation and field it is about.
    const where = `x-mock${error.instancePath.replace(/^\/(operations|resources)/, "").replaceAll("/", ".")}`;
    const extra = error.params.unevaluatedProperty ?? error.params.additionalProperty;
    problems.push(`${where}: ${error.message}${extra === undefined ? "" : ` (${extra})`}`);
  }
}
problems.push(...checkMockDeclarations(spec));
if (problems.length > 0) {
  const unique = [...new Set(problems)];
  console.error(`openapi.yaml: ${unique.length} x-mock problem(s):\n  ${unique.join("\n  ")}`);
  process.exit(1);
}
console.log("openapi.yaml: every operation's x-mock is sound");
