import { bearerKey } from "../auth/authenticate.js";
import { escapeHtml } from "../consent/consent-page.js";
import { type Answer, apiError, html, invalidArgument, json } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";
import type { Records } from "../hooks/hook.js";
import { prefersHtml } from "../pages/landing.js";
import { controlBody, type Page } from "../pages/pages.js";
import type { KeyData, Store } from "../store/store.js";
import { DELIVERY_TIMEOUT_MS } from "./deliver.js";
import type { DeliveryReport, Events } from "./events.js";
import { act, readAct } from "./user-events.js";

/** What the event pages need: the store, the events, and the records of an OA as a call sees them. */
export interface EventPagesOptions {
  store: Store;
  events: Events;
  records: (data: KeyData, oa?: Record<string, unknown>) => Records;
  /** Why the mock plays no events (stateless, or forwarding to eTelecom), if it does not. */
  disabled?: string;
}

const USAGE = 'send {"oa_id", "event_name", "user_id", "message": {"text"}} with a Bearer key';

/** The 401 of a page that is about one key's state and was sent none. */
const noKey = (what: string) => apiError(401, "unauthenticated", `missing Authorization header: send the key ${what}`);

/**
 * `POST /__events`: a simulated Zalo user acts on one of the key's OAs (sends a text, an image or a sticker,
 * follows, unfollows). The follower changes as Zalo would change it, and the signed event goes to the OA's
 * `webhook_url`; the answer comes once that first attempt has its outcome (`GET /__deliveries`), or after the
 * attempt's timeout when the key's earlier deliveries still wait for a receiver.
 */
async function postEvent({ store, events, records, disabled }: EventPagesOptions, request: MockRequest) {
  const read = await controlBody(request, USAGE);
  if ("refused" in read) return read.refused;
  const key = bearerKey(request.headers.get("authorization"));
  if (key === undefined) return noKey("whose OA the user acts on");
  if (disabled !== undefined) return apiError(412, "failed_precondition", `no events: ${disabled}`);
  const asked = readAct(read.body);
  if (typeof asked === "string") return invalidArgument(asked);
  const data = store.forKey(key);
  const oa = store.get(data, { resource: "oa" }, asked.oa_id);
  if (oa === undefined) return apiError(404, "not_found", `oa_id: ${asked.oa_id} is not an OA of this key`);
  const outcome = act({ store, data, records: records(data, oa) }, oa, asked);
  if (!("event" in outcome)) return apiError(outcome.status, outcome.code, outcome.msg);
  const queued = events.emit(data, oa, outcome.event);
  // The answer waits for the first attempt, which takes at most DELIVERY_TIMEOUT_MS, but not for the key's earlier
  // deliveries to a receiver that never answers, which could hold it for minutes.
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    events.runDue(),
    new Promise((resolve) => {
      timer = setTimeout(resolve, DELIVERY_TIMEOUT_MS + 500);
    }),
  ]);
  clearTimeout(timer);
  const webhook_url = queued ? oa.webhook_url : null;
  return json(200, { event: outcome.event, webhook_url }, `${asked.event_name} by ${asked.user_id}`);
}

/** Loads nothing, as the landing page: inline styles only, no script, no form, no frame. */
const PAGE_SECURITY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The HTML form of a key's deliveries, the latest first: every text escaped. */
function deliveriesHtml(report: DeliveryReport): string {
  const rows = [...report.deliveries]
    .reverse()
    .map(
      (entry) =>
        `<tr><td>${escapeHtml(entry.at)}</td><td>${escapeHtml(entry.event_name ?? entry.entity ?? "")} #${entry.attempt}</td>` +
        `<td><code>${escapeHtml(entry.url)}</code></td><td>${escapeHtml(entry.ok ? String(entry.status) : (entry.error ?? ""))}` +
        `${entry.retry_at === undefined ? "" : ` (again at ${escapeHtml(entry.retry_at)})`}</td>` +
        `<td><code>${escapeHtml(entry.response ?? "")}</code></td></tr>`,
    )
    .join("");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Deliveries</title>
<link rel="icon" href="data:,">
<style>body{margin:0;padding:1rem;font:15px/1.4 system-ui,sans-serif;color:#1c2733;background:#f6f7f9}
table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #dde2e8;padding:.3rem .5rem;text-align:left;vertical-align:top}
code{overflow-wrap:anywhere}</style>
</head>
<body>
<h1>Deliveries</h1>
<p>${report.deliveries.length} attempt${report.deliveries.length === 1 ? "" : "s"} shown (the latest first), ${report.pending} waiting, ${report.dropped} dropped.</p>
<table><tr><th>at (mock's clock)</th><th>event</th><th>url</th><th>outcome</th><th>answer (start)</th></tr>${rows}</table>
</body>
</html>
`;
}

/** `GET /__deliveries`: the key's delivery attempts, as JSON, or as a page for a browser. */
function getDeliveries({ events }: EventPagesOptions, request: MockRequest): Answer {
  const key = bearerKey(request.headers.get("authorization"));
  if (key === undefined) return noKey("whose deliveries to show");
  const report = events.report(key);
  const vary = { vary: "Accept" };
  if (prefersHtml(request.headers.get("accept"))) {
    const page = html(200, deliveriesHtml(report), "deliveries page");
    return { ...page, headers: { ...vary, "content-security-policy": PAGE_SECURITY } };
  }
  return { ...json(200, report, "deliveries"), headers: vary };
}

/** `POST /__events` and `GET /__deliveries`. */
export function eventPages(options: EventPagesOptions): Page[] {
  return [
    { method: "POST", path: "/__events", control: true, answer: (request) => postEvent(options, request) },
    { method: "GET", path: "/__deliveries", answer: (request) => getDeliveries(options, request) },
  ];
}
