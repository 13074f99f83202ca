/** One HTTP request the benchmarks send, with the status class it must get. */
export interface BenchRequest {
  name: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  expectedStatus: number;
}

const path = "/v1/shop.Zalo/AuthorizeOA";
const json = { "content-type": "application/json" };
const auth = { authorization: "Bearer bench-key" };

/** The spec's `shop_app` example: the body of every valid call. */
export const validBody = {
  app_id: "1234567890123456789",
  app_secret: "aB3dE5fG7hI9jK1lM2nO",
  redirect_uri: "https://shop.example.com/zalo/callback",
};

/** A valid AuthorizeOA call. */
export const valid: BenchRequest = {
  name: "valid (200)",
  path,
  headers: { ...json, ...auth },
  body: JSON.stringify(validBody),
  expectedStatus: 200,
};

/** A body missing every required field: request validation must reject it. */
export const invalidBody: BenchRequest = {
  name: "invalid body (400)",
  path,
  headers: { ...json, ...auth },
  body: "{}",
  expectedStatus: 400,
};

/** A valid body without `Authorization`. */
export const noAuth: BenchRequest = {
  name: "no auth (401)",
  path,
  headers: { ...json },
  body: JSON.stringify(validBody),
  expectedStatus: 401,
};

/** Sends one request and returns its status (or throws if the server is not reachable). */
export async function send(origin: string, request: BenchRequest): Promise<number> {
  const response = await fetch(origin + request.path, {
    method: "POST",
    headers: request.headers,
    body: request.body,
  });
  await response.arrayBuffer();
  return response.status;
}
