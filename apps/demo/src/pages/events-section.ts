import type { ShownEvent } from "../zalo-events.js";
import { EVENTS_KEPT } from "../zalo-events.js";
import { dateTime } from "./format.js";
import { html } from "./html.js";

/**
 * Shown until the page's script replaces it, rather than in `<noscript>`: a browser whose scripts are turned off
 * by its embedder (as Playwright and some policies do) parses `<noscript>` as if they ran, and would hide it.
 */
const RELOAD = "Reload the page to see new events, and the ZNS messages' delivery.";

/** Where the OA page's script reads the events the demo received for the OA. */
export const eventsUrl = (oa_id: string) => `/oa/${encodeURIComponent(oa_id)}/events.json`;

/**
 * The events the demo received for the OA, newest first, with a button that points the OA's webhook at the demo
 * (`receiver`, undefined when the demo has no OA secret key to verify events with). The page's script redraws the
 * table as events arrive; without it, a reload does.
 */
export function eventsSection(
  oa: { oa_id: string; webhook_url?: string },
  events: readonly ShownEvent[],
  receiver: string | undefined,
) {
  const rows = events.map(
    (event) => html`<tr><td>${dateTime(event.at)}</td><td>${event.event_name}</td><td class="num">${event.user}</td>
<td>${event.text ?? event.msg_id ?? ""}</td></tr>`,
  );
  return html`<section class="card wide" aria-labelledby="events"${receiver && html` data-events="${eventsUrl(oa.oa_id)}"`}><h2 id="events">Events</h2>
${
  receiver === undefined
    ? html`<p class="muted">This demo receives no events: set ZALO_OA_SECRET_KEY, the OA secret key Zalo signs them with.</p>`
    : html`<p class="muted">Zalo's events for this OA reach the demo when the OA's webhook is <code>${receiver}</code>; the
latest ${EVENTS_KEPT} are kept in memory, newest first.</p>
${oa.webhook_url !== receiver && html`<form method="post" action="/oa/${oa.oa_id}/webhook"><input type="hidden" name="webhook_url" value="${receiver}"><button class="button">Receive events here</button></form>`}`
}
<div class="scroll"><table>
<thead><tr><th>Time</th><th>Event</th><th>User</th><th>Text or message</th></tr></thead>
<tbody data-ids="${events.map((event) => event.id).join(" ")}">${rows.length === 0 ? html`<tr><td colspan="4" class="muted">No event received yet.</td></tr>` : rows}</tbody>
</table></div>
${receiver && html`<p class="muted" data-live>${RELOAD}</p>`}
</section>`;
}
