/** A recorded call to {@link fakeFetch}. */
export interface Recorded {
  request: Request;
  body: string;
}

/** Builds a `fetch` that records each request and answers with `respond`, so unit tests never touch the network. */
export function fakeFetch(respond: (request: Request) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push({ request, body: await request.clone().text() });
    return respond(request);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

/** A JSON response, as eTelecom sends them. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}
