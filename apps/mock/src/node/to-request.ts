import type { IncomingMessage } from "node:http";
import { type BodySource, bodySource } from "./body-source.js";

/** The fetch `Request` for a Node request, its body streamed; or the reason there can be none. */
export type Converted = { request: Request; body?: BodySource } | { status: number; code: string; msg: string };

/** Methods that cannot carry a body in a fetch `Request`. */
const BODYLESS = new Set(["GET", "HEAD"]);

/** Methods a fetch `Request` refuses that reach a request handler (Node hands CONNECT to the `connect` event). */
const FORBIDDEN = new Set(["TRACE"]);

/** Turns a Node request into a fetch `Request` for the engine, without reading its body. */
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
  const body = BODYLESS.has(method) ? undefined : bodySource(incoming);
  if (FORBIDDEN.has(method)) {
    return { status: 404, code: "bad_route", msg: `unsupported method ${method} for path ${url.pathname}` };
  }
  try {
    const headers = new Headers();
    const raw = incoming.rawHeaders;
    for (let index = 0; index + 1 < raw.length; index += 2)
      headers.append(raw[index] as string, raw[index + 1] as string);
    const request = new Request(url, {
      method,
      headers,
      ...(body && { body: body.stream, duplex: "half" }),
    } as RequestInit);
    return body ? { request, body } : { request };
  } catch (failure) {
    return { status: 400, code: "invalid_argument", msg: `request: ${(failure as Error).message}` };
  }
}
