// What an app writes: every public option and export, resolved through the package's own exports map and dist.
import {
  type AuthorizationCallback,
  createZaloCloudClient,
  type EtelecomApiError,
  isEtelecomApiError,
  isEtelecomInputError,
  isEtelecomInvalidResponseError,
  isEtelecomNetworkError,
  isEtelecomTimeoutError,
  type ListOAItem,
  MAX_RESPONSE_BYTES,
  type OperationInput,
  type OperationName,
  type OperationResult,
  parseAuthorizationCallback,
  type ZaloCloudClient,
} from "@etelecom-zalo/client";

const client: ZaloCloudClient = createZaloCloudClient({
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

export async function afterConsent(callbackUrl: string): Promise<string[]> {
  const callback: AuthorizationCallback = parseAuthorizationCallback(callbackUrl);
  const oa = await client.connectOA(callback);
  const again = await client.connectOA({ code: "c", oa_id: 1n, state: 1839572046 });
  const { url } = await client.refreshToken({ oa_id: oa.oa_id });
  const shopOA = await client.getShopOA({ oa_id: again.oa_id });
  const updated = await client.updateShopOA({ oa_id: shopOA.oa_id, webhook_url: "https://shop.example.com/hook" });
  const page = await client.listOA({ filter: { app_id: "1234567890123456789" }, paging: { limit: "20" } });
  const names: string[] = [url, updated.webhook_url ?? "", ...page.accounts.map((account) => account.name)];
  for await (const account of client.listOA.all(
    { filter: { oa_id: 1n } },
    { max: 100, signal: AbortSignal.timeout(1_000) },
  )) {
    const item: ListOAItem = account;
    names.push(item.name, account.status);
  }
  return names.slice(0, MAX_RESPONSE_BYTES);
}

/** Any method, called generically through the published helper types. */
export function callAny<N extends OperationName>(name: N, body: OperationInput<N>): Promise<OperationResult<N>> {
  return (client[name] as (body: OperationInput<N>) => Promise<OperationResult<N>>)(body);
}
