import { consent } from "../src/index.js";
import type { MockHandle } from "./use-mock.js";
import { validBody } from "./use-mock.js";

/** The ConnectOA body Zalo's redirect carries: `code`, `oa_id`, and `state` as a number. */
export function connectBodyOf(callback: string) {
  const query = new URL(callback).searchParams;
  return { code: query.get("code"), oa_id: query.get("oa_id"), state: Number(query.get("state")) };
}

/** What one key does to connect an OA: the flow's requests, in order, through the consent page. */
export interface FlowOptions {
  key?: string;
  scope?: "shop" | "partner";
  oa_id?: string;
  redirect_uri?: string;
}

/** AuthorizeOA, then Allow on the consent page: resolves to the link and the callback, the code not used yet. */
export async function consentFor(mock: MockHandle, { key, scope, oa_id, redirect_uri }: FlowOptions = {}) {
  const authorized = await mock.call(
    "AuthorizeOA",
    { ...validBody, ...(redirect_uri && { redirect_uri }) },
    { ...(key && { key }), ...(scope && { scope }) },
  );
  const url: string = authorized.body.url;
  const callback = await consent(url, oa_id ? { oa_id } : {});
  return { url, callback, connectBody: connectBodyOf(callback) };
}

/** AuthorizeOA, Allow, then ConnectOA: resolves to ConnectOA's answer. */
export async function connectThroughConsent(mock: MockHandle, options: FlowOptions = {}) {
  const { connectBody } = await consentFor(mock, options);
  return mock.call("ConnectOA", connectBody, {
    ...(options.key && { key: options.key }),
    ...(options.scope && { scope: options.scope }),
  });
}
