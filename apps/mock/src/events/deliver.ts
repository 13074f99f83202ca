/** How long a receiver has to answer a delivery, body included: Zalo expects a 2xx within about 2 seconds. */
export const DELIVERY_TIMEOUT_MS = 2_000;

/** The most of a receiver's answer the log keeps, in characters. */
export const EXCERPT_CHARS = 200;

/** The bytes of an answer read at most: enough for the excerpt in any encoding, and never a whole stream. */
const READ_BYTES = 4 * EXCERPT_CHARS;

/** One POST the mock makes: where, what, and with which headers. */
export interface Outgoing {
  url: string;
  body: string;
  headers: Record<string, string>;
}

/** How one attempt went: the receiver's status and the start of its answer, or why it failed. */
export interface Outcome {
  ok: boolean;
  status?: number;
  error?: string;
  response?: string;
}

/** Sends a delivery: `fetch`, or the caller's `onDelivery`. */
export type Send = (request: Request) => Promise<Response>;

/** The first {@link EXCERPT_CHARS} characters of an answer's body, reading no more than a few hundred bytes. */
async function excerpt(response: Response): Promise<string> {
  if (response.body === null) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < READ_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    // The rest is not wanted: a receiver that streams forever must not hold the mock.
    reader.cancel().catch(() => undefined);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return [...new TextDecoder().decode(bytes.subarray(0, READ_BYTES))].slice(0, EXCERPT_CHARS).join("");
}

/**
 * POSTs one delivery and says how it went: a 2xx within {@link DELIVERY_TIMEOUT_MS} is a success; a redirect is not
 * followed (a receiver must answer at the URL it gave) and, like any other status or no answer, is a failure.
 * `stop` aborts it when the mock closes. Never rejects.
 */
export async function attempt(send: Send, outgoing: Outgoing, stop: AbortSignal): Promise<Outcome> {
  if (!/^https?:\/\//i.test(outgoing.url)) return { ok: false, error: "the URL is not http or https" };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), DELIVERY_TIMEOUT_MS);
  const onStop = () => controller.abort();
  stop.addEventListener("abort", onStop, { once: true });
  try {
    const request = new Request(outgoing.url, {
      method: "POST",
      headers: outgoing.headers,
      body: outgoing.body,
      redirect: "manual",
      signal: controller.signal,
    });
    const response = await send(request);
    const { status } = response;
    const text = await excerpt(response);
    if (status >= 200 && status < 300) return { ok: true, status, response: text };
    const error = status >= 300 && status < 400 ? `redirect ${status} not followed` : `answered ${status}`;
    return { ok: false, status, error, response: text };
  } catch (failure) {
    if (controller.signal.aborted) {
      return { ok: false, error: stop.aborted ? "the mock closed" : `no answer within ${DELIVERY_TIMEOUT_MS} ms` };
    }
    const cause = (failure as { cause?: { code?: string } }).cause?.code;
    return { ok: false, error: `not sent: ${cause ?? (failure instanceof Error ? failure.message : String(failure))}` };
  } finally {
    clearTimeout(timer);
    stop.removeEventListener("abort", onStop);
  }
}
