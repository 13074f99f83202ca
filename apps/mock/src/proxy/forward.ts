import { BODY_LIMIT, readBody } from "../core/read-body.js";

/** How long eTelecom has to answer a forwarded call, body included, unless `proxyTimeout` says otherwise. */
export const PROXY_TIMEOUT = 30_000;

/** eTelecom's answer, read whole (up to the mock's body limit), or why there is none. */
export type Upstream = { status: number; type: string | null; bytes: Uint8Array } | { failure: string };

/** What is forwarded of a call: the path, the caller's key and `Content-Type`, and the body's bytes as sent. */
export interface Forwarded {
  path: string;
  key: string;
  contentType: string;
  bytes: Uint8Array;
}

/** The reason of a failed fetch, as its cause says it (`connect ECONNREFUSED 127.0.0.1:1`), else its message. */
function reasonOf(failure: unknown): string {
  const cause = (failure as { cause?: { code?: unknown; message?: unknown } }).cause;
  const message = typeof cause?.message === "string" && cause.message !== "" ? cause.message : undefined;
  return message ?? (typeof cause?.code === "string" ? cause.code : (failure as Error).message);
}

/**
 * Sends one call to eTelecom as a POST to `origin` + the spec's path, with nothing of the caller's request but its
 * key, its `Content-Type` and its body (not the mock's `Prefer`, the caller's cookies or its query). A redirect is
 * answered as it is, never followed: following it would send the key again, to wherever `Location` points. Within
 * `timeout` milliseconds, body included.
 */
export async function forward(origin: string, call: Forwarded, timeout: number): Promise<Upstream> {
  const signal = AbortSignal.timeout(timeout);
  let response: Response;
  try {
    response = await fetch(origin + call.path, {
      method: "POST",
      headers: { "content-type": call.contentType, authorization: `Bearer ${call.key}`, accept: "application/json" },
      // A view of an ArrayBuffer (a Node Buffer's or a read stream's), never of a SharedArrayBuffer.
      body: call.bytes as Uint8Array<ArrayBuffer>,
      redirect: "manual",
      signal,
    });
  } catch (failure) {
    if (signal.aborted) return { failure: `eTelecom did not answer within ${timeout} ms` };
    return { failure: `eTelecom could not be reached: ${reasonOf(failure)}` };
  }
  // The mock's own reader of request bodies, with its limit: a Content-Length over it is refused unread.
  const read = await readBody({ method: "POST", url: response.url, headers: response.headers, body: response.body });
  if ("refused" in read) {
    response.body?.cancel().catch(() => undefined);
    if (signal.aborted) return { failure: `eTelecom did not answer within ${timeout} ms` };
    return {
      failure: read.tooLarge
        ? `eTelecom's answer is larger than 1 MiB (${BODY_LIMIT} bytes)`
        : `eTelecom's answer broke off: ${read.refused.replace(/^body: could not be read \((.*)\)$/s, "$1")}`,
    };
  }
  const { bytes } = read;
  return { status: response.status, type: response.headers.get("content-type"), bytes };
}
