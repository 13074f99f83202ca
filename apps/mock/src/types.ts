import type prismHttp from "@stoplight/prism-http";

/** One operation of the spec, as Prism reads it. */
export type Operation = Awaited<ReturnType<typeof prismHttp.getHttpOperationsFromSpec>>[number];

/** eTelecom's error body. */
export interface ErrorBody {
  code: string;
  msg: string;
}

/** What the handler answers: an HTTP status and a JSON body. */
export interface Answer {
  status: number;
  body: unknown;
}
