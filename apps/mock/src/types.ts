import type prismHttp from "@stoplight/prism-http";

/** One operation of the spec, as Prism reads it. */
export type Operation = Awaited<ReturnType<typeof prismHttp.getHttpOperationsFromSpec>>[number];

/** What the handler answers: an HTTP status and a JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}
