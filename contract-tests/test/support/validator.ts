import type { OpenApiDocument } from "@etelecom-zalo/openapi";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const SPEC_ID = "https://contract-tests.invalid/openapi.json";

/** Compiles schemas of the spec with ajv (JSON Schema 2020-12, OpenAPI 3.1's dialect), independently of Prism. */
export function createValidator(spec: OpenApiDocument) {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  // OpenAPI adds these keywords to JSON Schema; they carry no validation.
  ajv.addVocabulary(["example", "discriminator", "xml", "externalDocs"]);
  // Register the whole document under an id so its own `#/components/...` pointers resolve; its top-level
  // OpenAPI fields are not schema keywords, so ajv is told to skip them.
  ajv.addVocabulary(Object.keys(spec).filter((key) => key !== "externalDocs"));
  ajv.addSchema({ ...spec, $id: SPEC_ID } as never);
  const cache = new Map<string, ValidateFunction>();

  /** The validator of the schema at `pointer` (`#/...`) in the document. */
  function at(pointer: string): ValidateFunction {
    let validate = cache.get(pointer);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: `${SPEC_ID}${pointer}` });
      cache.set(pointer, validate);
    }
    return validate;
  }

  return {
    /** Validates `value` against the schema at `pointer`; returns ajv's errors as text, or undefined when valid. */
    check(pointer: string, value: unknown): string | undefined {
      const validate = at(pointer);
      return validate(value) ? undefined : ajv.errorsText(validate.errors);
    },
  };
}

/** A validator compiled from the spec. */
export type Validator = ReturnType<typeof createValidator>;
