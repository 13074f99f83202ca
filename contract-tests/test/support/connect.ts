import { parseAuthorizationCallback, type Scope } from "@etelecom-zalo/client";
import { consent } from "@etelecom-zalo/mock";
import { findOperation } from "@etelecom-zalo/openapi";
import { freshKey, type MockClientOptions, mockClient } from "./client.js";

const app = findOperation("AuthorizeOA").requestExample as { app_id: string; app_secret: string; redirect_uri: string };

/**
 * A client with a key of its own and one OA connected through the whole consent flow: the OA `oa_id` of the consent
 * page (the spec's examples name the first one), as the mock's consent page offers it.
 */
export async function connectedClient(scope: Scope, oa_id: string, options: MockClientOptions = {}) {
  const client = mockClient({ scope, apiKey: freshKey(), ...options });
  const { url } = await client.authorizeOA(app);
  await client.connectOA(parseAuthorizationCallback(await consent(url, { oa_id })));
  return client;
}
