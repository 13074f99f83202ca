// What an app writes: every public option and export, resolved through the package's own exports map and dist.
import {
  createZaloCloudClient,
  type EtelecomApiError,
  isEtelecomApiError,
  isEtelecomInputError,
  isEtelecomInvalidResponseError,
  isEtelecomNetworkError,
  isEtelecomTimeoutError,
} from "@etelecom-zalo/client";

const client = createZaloCloudClient({
  apiKey: "key",
  scope: "partner",
  environment: "sandbox",
  headers: { "X-Trace": "1" },
  middleware: [{ onRequest: ({ request }) => request }],
  timeout: 5_000,
  fetch: (input, init) => fetch(input, init),
});

export async function connect(signal: AbortSignal): Promise<string | EtelecomApiError["code"]> {
  try {
    const { url } = await client.authorizeOA(
      { app_id: 1234567890123456789n, app_secret: "secret", redirect_uri: "https://shop.example.com/cb" },
      { signal, timeout: 1_000 },
    );
    return url;
  } catch (error) {
    if (isEtelecomApiError(error)) return error.code;
    if (isEtelecomInputError(error)) return error.field;
    if (isEtelecomInvalidResponseError(error) || isEtelecomNetworkError(error) || isEtelecomTimeoutError(error)) {
      return error.message;
    }
    throw error;
  }
}
