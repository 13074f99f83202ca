import type { operations } from "./generated/api.js";
import type { operationTable } from "./generated/operations.js";
import type { CallOptions, PageOptions } from "./types.js";

/** A field's place in a request body, as keys from the top: `["filter", "oa_id"]`. */
export type FieldPath = readonly string[];

/** One entry of the generated operation table: everything the one request function needs of an operation. */
export interface OperationDescriptor {
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

type Table = typeof operationTable;

/** The name of a client method: an operationId of the spec in lowerCamelCase. */
export type OperationName = keyof Table;

/** The name of a client method that reads a cursor list, and so also has `.all`. */
export type ListOperationName = { [N in OperationName]: Table[N]["list"] extends null ? never : N }[OperationName];

type Operation<N extends OperationName> = operations[Table[N]["operationId"]];

/** The request body of a method, exactly as it goes on the wire (generated from the spec). */
export type OperationRequest<N extends OperationName> = Operation<N>["requestBody"]["content"]["application/json"];

/** `T` with the value at each path of `P` (a union of key tuples) replaced by `Leaf`; optional stays optional. */
type AtPaths<T, P extends FieldPath, Leaf> = [P] extends [never]
  ? T
  : { [K in keyof T]: K extends P[0] ? AtKey<T[K], Rest<P, K>, Leaf> : T[K] };
type Rest<P, K> = P extends readonly [K, ...infer R extends string[]] ? R : never;
type AtKey<V, R extends FieldPath, Leaf> = [] extends R ? Leaf : V extends object ? AtPaths<V, R, Leaf> : V;

/** What a method accepts: its request body, with int64 fields also as a `bigint` and integer fields also as a decimal string. */
export type OperationInput<N extends OperationName> = AtPaths<
  AtPaths<OperationRequest<N>, Table[N]["int64"][number], string | bigint>,
  Table[N]["integer"][number],
  number | string
>;

/** What a method resolves to: its operation's 200 body (generated from the spec). */
export type OperationResult<N extends OperationName> = Operation<N>["responses"][200]["content"]["application/json"];

type ItemsKey<N extends ListOperationName> = Table[N]["list"] extends { items: infer K extends string } ? K : never;

/** What a list method's `.all` yields: one item of a page. */
export type OperationItem<N extends ListOperationName> = OperationResult<N>[ItemsKey<N> &
  keyof OperationResult<N>] extends readonly (infer Item)[]
  ? Item
  : never;

/** Follows `paging.next` page by page and yields every item, as stripe-node's and octokit's auto-pagination do. */
export interface Paginate<N extends ListOperationName> {
  /** Every item of every page from the one `body` asks for; stops after `max` items if given. */
  all(body?: OperationInput<N>, options?: PageOptions): AsyncIterable<OperationItem<N>>;
}

/** A client method: sends the body, resolves to the checked 200 body, rejects with an EtelecomError or the signal's reason. */
export type OperationMethod<N extends OperationName> = ((
  body: OperationInput<N>,
  options?: CallOptions,
) => Promise<OperationResult<N>>) &
  (N extends ListOperationName ? Paginate<N> : unknown);
