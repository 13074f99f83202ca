import type { IncomingMessage } from "node:http";
import type { MockRequest } from "../core/mock-request.js";
import { BODY_LIMIT } from "../core/read-body.js";
import { type BodySource, bodySource } from "./body-source.js";

/** What the engine reads of a Node request but its body, and where the body comes from; or why there is no request. */
export type Converted =
  | { head: Omit<MockRequest, "body">; body?: BodySource }
  | { status: number; code: string; msg: string };

/** Methods that carry no body, as in a fetch `Request`. */
const BODYLESS = new Set(["GET", "HEAD"]);

/** Methods a fetch `Request` refuses, refused here too so that both transports answer alike (Node hands CONNECT to the `connect` event). */
const FORBIDDEN = new Set(["TRACE"]);

/** Reads a Node request's method, URL and headers for the engine, and starts on its body. */
export function toRequest(incoming: IncomingMessage): Converted {
  const method = incoming.method ?? "GET";
  const target = incoming.url ?? "/";
  let host = incoming.headers.host;
  if (host === undefined) {
    if (incoming.httpVersion !== "1.0")
      return { status: 400, code: "invalid_argument", msg: "Host: is required in HTTP/1.1" };
    const { localAddress = "127.0.0.1", localPort } = incoming.socket;
    host = `${localAddress.includes(":") ? `[${localAddress}]` : localAddress}:${localPort}`;
  }
  let url: URL;
  try {
    url = new URL(target.startsWith("/") ? `http://${host}${target}` : target);
  } catch {
    return { status: 400, code: "invalid_argument", msg: `Host: ${JSON.stringify(host)} is not a valid host` };
  }
  const body = BODYLESS.has(method) ? undefined : bodySource(incoming, BODY_LIMIT);
  if (FORBIDDEN.has(method)) {
    return { status: 404, code: "bad_route", msg: `unsupported method ${method} for path ${url.pathname}` };
  }
  try {
    const headers = new Headers();
    const raw = incoming.rawHeaders;
    for (let index = 0; index + 1 < raw.length; index += 2)
      headers.append(raw[index] as string, raw[index + 1] as string);
    const head = { method, url: url.href, headers };
    return body ? { head, body } : { head };
  } catch (failure) {
    return { status: 400, code: "invalid_argument", msg: `request: ${(failure as Error).message}` };
  }
}
