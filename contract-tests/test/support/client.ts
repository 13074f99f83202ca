import { createZaloCloudClient, type Scope } from "@etelecom-zalo/client";
import { inject } from "vitest";
import { recordingFetch, type WireTweaks } from "./recording-fetch.js";

/** The real client, pointed at the suite's mock, recording every exchange it makes. */
export function mockClient(scope: Scope = "shop", tweaks: WireTweaks = {}) {
  return createZaloCloudClient({
    apiKey: "test-key",
    scope,
    baseUrl: inject("mockUrl"),
    fetch: recordingFetch(tweaks),
  });
}
