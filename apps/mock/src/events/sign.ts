import { createHash } from "node:crypto";

/**
 * Zalo's `X-ZEvent-Signature` of an event: `mac=` and the hex SHA-256 of the body's `app_id`, the raw body, the body's
 * `timestamp` and the OA's secret key, concatenated (a plain hash, not an HMAC: reference §6). node:crypto, since the
 * mock delivers from Node only: MSW in a browser answers the API but delivers no events.
 */
export function zaloSignature(appId: string, body: string, timestamp: string, oaSecretKey: string): string {
  return `mac=${createHash("sha256").update(`${appId}${body}${timestamp}${oaSecretKey}`).digest("hex")}`;
}
