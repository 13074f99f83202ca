// What the generated operation table is made of. Apart from operation-types.ts, which derives the method types from
// the table, so that the table and the types built on it import in one direction only.

/** A field's place in a request body, as keys from the top: `["filter", "oa_id"]`. */
export type FieldPath = readonly string[];

/** One entry of the generated operation table: everything the one request function needs of an operation. */
export interface OperationDescriptor {
  /** The client method's name, the operationId in lowerCamelCase. */
  readonly name: string;
  /** The spec's operationId, the key of its generated `operations` type. */
  readonly operationId: string;
  /** The HTTP method, upper-case. */
  readonly method: string;
  /** The path template, with `{scope}`. */
  readonly path: string;
  /** Whether the spec marks it `x-idempotent: true`, so that the client may repeat it after a failure. */
  readonly idempotent: boolean;
  /** The request fields of the spec's Int64String: a decimal string or a bigint, never a number. */
  readonly int64: readonly FieldPath[];
  /** The request fields of `type: integer`: a safe integer or its decimal string, sent as a JSON integer. */
  readonly integer: readonly FieldPath[];
  /** The request fields marked `writeOnly`, redacted from errors like the API key. */
  readonly secrets: readonly FieldPath[];
  /** For a cursor list, the name of the array that holds a page's items. */
  readonly list: { readonly items: string } | null;
  /** The 200 check compiled from the spec. */
  readonly check: ResponseCheck;
}

/** A 200 check compiled by ajv: true when the value fits, else false with the first problem in `errors`. */
export interface ResponseCheck {
  (value: unknown): boolean;
  errors?: readonly { instancePath: string; message?: string }[] | null;
}
