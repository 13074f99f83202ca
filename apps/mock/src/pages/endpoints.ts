import { CONSENT_PATH } from "../consent/consent-url.js";
import { DOCS_DEV_KEY, DOCS_PATHS } from "../reference/docs-page.js";

/** One of the mock's own routes, outside the API. */
export interface MockEndpoint {
  method: "GET" | "POST";
  path: string;
  what: string;
}

/**
 * The mock's own routes, outside the API: the one list that the landing page and `--help` both show, so neither
 * can name a route the other does not (a test asks the mock for each one).
 */
export const MOCK_ENDPOINTS: readonly MockEndpoint[] = [
  {
    method: "GET",
    path: "/",
    what: "the operations, these endpoints and the options (HTML for a browser, JSON otherwise)",
  },
  {
    method: "GET",
    path: DOCS_PATHS.page,
    what: `the API reference; its "Test Request" calls this mock with the key ${DOCS_DEV_KEY}`,
  },
  { method: "GET", path: "/openapi.yaml", what: "the OpenAPI document the mock runs on" },
  { method: "GET", path: "/openapi.json", what: "the same document as JSON" },
  { method: "GET", path: "/__health", what: 'answers {"status":"ok"} once the mock is up' },
  {
    method: "POST",
    path: "/__reset",
    what: 'JSON only: {} with a Bearer key resets that key, {"all": true} every key (back to the fixtures)',
  },
  { method: "GET", path: "/__clock", what: "the mock's time, and how far POST /__clock has moved it" },
  {
    method: "POST",
    path: "/__clock",
    what: 'JSON only: {"advance_ms": N} moves the mock\'s time forward (deliveries, expiries, reply windows)',
  },
  {
    method: "GET",
    path: "/__violations",
    what: "with --proxy: every way a request or eTelecom's answer broke the spec, as JSON (the last 1000)",
  },
  {
    method: "POST",
    path: "/__events",
    what: 'JSON only, with a Bearer key: {"oa_id", "event_name", "user_id", "message": {"text"}} plays a follower (user_send_text, user_send_image, user_send_sticker, follow, unfollow) and delivers the signed event to the OA\'s webhook_url',
  },
  {
    method: "GET",
    path: "/__deliveries",
    what: "with a Bearer key: the key's delivery attempts (Zalo events, webhook subscriptions), pending and dropped; HTML for a browser",
  },
  { method: "GET", path: CONSENT_PATH, what: "Zalo's consent page, which the consent links the API answers open" },
];
