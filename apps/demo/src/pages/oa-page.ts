import type { GetShopOAResult } from "@etelecom-zalo/client";
import type { OAPageData } from "../oa-page-data.js";
import type { ShownEvent } from "../zalo-events.js";
import { followersSection, messagesSection, type RefusedForm, templatesSection, znsSection } from "./back-office.js";
import { eventsSection } from "./events-section.js";
import { avatar, count, dateTime, expiry, quality, statusBadge } from "./format.js";
import { html, type View } from "./html.js";
import { notice } from "./notice.js";

/** What the OA page shows besides what eTelecom answered: a notice after a redirect, or a form's refused input. */
export interface OAPageOptions {
  notice?: string;
  /** After a text: the replies left in the follower's window. */
  remain?: number;
  now: number;
  webhook?: { value: string; error: string };
  /** The template the Send ZNS form is for, as the page's `template` query names it. */
  template?: string;
  text?: RefusedForm;
  register?: RefusedForm;
  zns?: RefusedForm;
  /** The events the demo received for the OA, newest first. */
  events?: readonly ShownEvent[];
  /** The demo's `/zalo/webhook` URL, when it can verify events. */
  receiver?: string | undefined;
}

/** The path of the OA page's script, which keeps its Events and ZNS deliveries current. */
export const OA_PAGE_SCRIPT_PATH = "/static/oa-page.js";

/** One labelled value of a card. */
const fact = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;

/** The webhook form, with eTelecom's reason when it refused the last input. */
function webhookForm(oa: GetShopOAResult, refused: OAPageOptions["webhook"]) {
  const value = refused?.value ?? oa.webhook_url ?? "";
  return html`<form method="post" action="/oa/${oa.oa_id}/webhook">
<label for="webhook_url">eTelecom forwards this OA's Zalo events (messages, follows) to this URL.</label>
<div class="field">
<input type="url" id="webhook_url" name="webhook_url" value="${value}" required placeholder="https://shop.example.com/zalo/webhook"${refused && html` aria-invalid="true" aria-describedby="webhook_error"`}>
<button class="button primary">Save webhook</button>
</div>
${refused && html`<p class="error" id="webhook_error" role="alert">${refused.error}</p>`}
</form>`;
}

/**
 * One OA, as GetShopOA describes it: connection, quality, quotas, and its webhook; then the shop's back office on
 * it: its followers (send a text), its templates, a ZNS form and the ZNS sent; then the events the demo received.
 */
export function oaPage(data: OAPageData, options: OAPageOptions): View {
  const { oa } = data;
  const daily = oa.daily_quota !== undefined && oa.remaining_quota !== undefined;
  return {
    title: oa.name,
    script: OA_PAGE_SCRIPT_PATH,
    body: html`${notice(options.notice, options.remain)}
<p class="back"><a href="/">← All Zalo OAs</a></p>
<div class="oa-head">
${avatar(oa.name, "big")}
<div><h1>${oa.name}</h1>
<p><span class="muted">OA ID <code class="num">${oa.oa_id}</code></span>${statusBadge(oa.status)}${oa.is_verified && html`<span class="badge verified">Verified</span>`}</p></div>
</div>
${oa.description && html`<p class="description">${oa.description}</p>`}
<div class="cards">
<section class="card wide" aria-labelledby="connection"><h2 id="connection">Connection</h2>
<dl class="facts">
${fact("Refresh token expires", expiry(oa.expires_at, options.now))}
${fact("Connected since", dateTime(oa.created_at))}
${fact("Method", oa.connection_method ?? "—")}
${fact("Zalo app", html`<code class="num">${oa.app_id ?? "—"}</code>`)}
</dl>
<form class="reconnect" method="post" action="/oa/${oa.oa_id}/reconnect">
<p>Renew the refresh token before it expires: the OA owner allows the app again on Zalo, and the expiry moves on.</p>
<button class="button">Reconnect</button>
</form>
</section>
<section class="card" aria-labelledby="quality"><h2 id="quality">Quality</h2>
<dl class="facts">${fact("Now", quality(oa.current_quality))}${fact("Last week", quality(oa.last_week_quality))}</dl>
</section>
<section class="card" aria-labelledby="messages"><h2 id="messages">Messages today</h2>
<p class="figure">${count(oa.remaining_quota)} <span>left of ${count(oa.daily_quota)}</span></p>
${daily && html`<meter min="0" max="${oa.daily_quota}" value="${oa.remaining_quota}" aria-label="Messages left today"></meter>`}
</section>
<section class="card" aria-labelledby="promotion"><h2 id="promotion">Promotion messages</h2>
<dl class="facts">
${fact("Per day", count(oa.daily_quota_promotion))}
${fact("Left this month", html`${count(oa.remaining_monthly_promotion_quota)} <span class="muted">of ${count(oa.monthly_promotion_quota)}</span>`)}
${fact("Next month", html`${count(oa.estimated_next_month_promotion_quota)} <span class="muted">(estimate)</span>`)}
</dl>
</section>
<section class="card wide" aria-labelledby="webhook"><h2 id="webhook">Webhook</h2>
${webhookForm(oa, options.webhook)}
</section>
${followersSection(oa.oa_id, data.followers, { more: data.moreFollowers, now: options.now, refused: options.text })}
${templatesSection(oa.oa_id, data.templates, options.register)}
${znsSection(oa.oa_id, data.templates, { template: options.template, refused: options.zns })}
${messagesSection(data.messages)}
${eventsSection(oa, options.events ?? [], options.receiver)}
</div>`,
  };
}
