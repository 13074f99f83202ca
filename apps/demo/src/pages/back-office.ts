import type { ListFollowersItem, ListMessagesItem, ListTemplatesItem } from "@etelecom-zalo/client";
import { dateTime } from "./format.js";
import { type Html, html } from "./html.js";

/** Zalo's reply window: an OA may write to a follower in the 48 hours after the follower's last message. */
const WINDOW_MS = 48 * 60 * 60 * 1000;

/** A form eTelecom (or the demo) refused: what was sent, kept in the form, and why, beside a field or above. */
export interface RefusedForm {
  values: Record<string, string>;
  error: { text: string; detail?: string; field?: string };
}

/** The error beside a field, linked to it by `id`. */
const fieldError = (id: string, error: RefusedForm["error"]) =>
  html`<p class="error" id="${id}_error" role="alert">${error.text}${error.detail && html` <span class="detail">${error.detail}</span>`}</p>`;

/** The attributes that tie an input to its error when the refusal is about it. */
const invalid = (id: string, refused: boolean) => refused && html` aria-invalid="true" aria-describedby="${id}_error"`;

/** When the follower's 48-hour window closes, if it is open now: it opens with a message from them. */
export function windowEnd(follower: ListFollowersItem, now: number): number | undefined {
  const last = follower.last_conversation;
  if (follower.state !== "follow" || last?.direction !== "in") return undefined;
  const end = Date.parse(last.sent_time ?? "") + WINDOW_MS;
  return end > now ? end : undefined;
}

/** A follower's `state` as words: Zalo's `follow` and `unfollow`; any other value as it came. */
function followState(state: string) {
  if (state === "follow") return html`<span class="badge ok">Following</span>`;
  if (state === "unfollow") return html`<span class="badge off">Unfollowed</span>`;
  return html`<span class="badge">${state}</span>`;
}

/** The followers of the OA's first page, and one form that sends a text to any of those who follow it. */
export function followersSection(
  oa_id: string,
  followers: ListFollowersItem[],
  options: { more: boolean; now: number; refused?: RefusedForm | undefined },
) {
  const { refused, now } = options;
  // Those who wrote last on top: theirs are the open windows, the ones a reply can reach.
  const lastFrom = (follower: ListFollowersItem) =>
    follower.last_conversation?.direction === "in" ? Date.parse(follower.last_conversation.sent_time ?? "") || 0 : 0;
  const shown = [...followers].sort((a, b) => lastFrom(b) - lastFrom(a));
  const open = shown.filter((follower) => windowEnd(follower, now) !== undefined);
  const chosen = refused?.values.user_id ?? open[0]?.zl_user_id;
  const rows = shown.map((follower) => {
    const end = windowEnd(follower, now);
    const window =
      end === undefined
        ? html`<span class="muted">Closed</span>`
        : html`<span class="open">Open</span> <span class="when">until ${dateTime(new Date(end).toISOString())}</span>`;
    return html`<tr><td>${follower.full_name ?? follower.zl_user_id}</td><td>${followState(follower.state)}</td>
<td>${dateTime(follower.last_conversation?.sent_time)}</td><td>${window}</td></tr>`;
  });
  const choices = shown
    .filter((follower) => follower.state === "follow")
    .map(
      (follower) =>
        html`<option value="${follower.zl_user_id}"${follower.zl_user_id === chosen && html` selected`}>${follower.full_name ?? follower.zl_user_id} (window ${windowEnd(follower, now) === undefined ? "closed" : "open"})</option>`,
    );
  const error = refused?.error;
  return html`<section class="card wide" aria-labelledby="followers"><h2 id="followers">Followers</h2>
${
  shown.length === 0
    ? html`<p class="muted">Nobody follows this OA yet.</p>`
    : html`<div class="scroll"><table>
<thead><tr><th>Name</th><th>State</th><th>Last message from them</th><th>48-hour reply window</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<p class="count">${shown.length} followers${options.more ? " (the first ones only)" : ""}</p>
<form class="send" method="post" action="/oa/${oa_id}/text">
<h3>Send a text</h3>
<p class="muted">Zalo lets the OA write to a follower for 48 hours after their last message, 8 messages at most.</p>
<label for="user_id">To</label>
<select id="user_id" name="user_id"${invalid("user_id", error?.field === "recipient.user_id")}>${choices}</select>
<label for="text">Text</label>
<textarea id="text" name="text" rows="2" maxlength="2000" required${invalid("text", error !== undefined && error.field !== "recipient.user_id")}>${refused?.values.text ?? ""}</textarea>
${error && fieldError(error.field === "recipient.user_id" ? "user_id" : "text", error)}
<p><button class="button primary">Send text</button></p>
</form>`
}
</section>`;
}

/** A template's `template_status` as a badge: ENABLE is the only one Zalo sends. */
function templateStatus(status: string) {
  return html`<span class="badge ${status === "ENABLE" ? "ok" : status === "REJECT" || status === "DISABLE" ? "off" : ""}">${status}</span>`;
}

/** The templates registered for the OA, and the form that registers another by its ID on Zalo. */
export function templatesSection(oa_id: string, templates: ListTemplatesItem[], refused?: RefusedForm) {
  const rows = templates.map(
    (template) => html`<tr><td class="num">${template.template_id}</td><td>${template.template_name ?? "—"}</td>
<td>${template.type ?? "—"}</td><td>${templateStatus(template.template_status)}</td>
<td><a href="/oa/${oa_id}?template=${template.template_id}#send-zns">Send ZNS</a></td></tr>`,
  );
  return html`<section class="card wide" aria-labelledby="templates"><h2 id="templates">Templates</h2>
${
  templates.length === 0
    ? html`<p class="muted">No ZNS template is registered for this OA yet.</p>`
    : html`<div class="scroll"><table>
<thead><tr><th>ID</th><th>Name</th><th>Type</th><th>Status</th><th><span class="sr">Send</span></th></tr></thead>
<tbody>${rows}</tbody>
</table></div>`
}
<form class="send" method="post" action="/oa/${oa_id}/templates">
<label for="template_id">Register a template the OA has on Zalo (made and reviewed on Zalo's site), by its ID</label>
<div class="field">
<input id="template_id" name="template_id" inputmode="numeric" pattern="[0-9]{1,16}" maxlength="16" required placeholder="230107" value="${refused?.values.template_id ?? ""}"${invalid("template_id", refused !== undefined)}>
<button class="button primary">Register template</button>
</div>
${refused && fieldError("template_id", refused.error)}
</form>
</section>`;
}

/** The Send ZNS form's input for a template parameter: named by its wire path, so that a 400 finds it. */
const paramId = (name: string) => `zns_${name.replace(/[^\w-]/g, "_")}`;

/**
 * The Send ZNS form for one template: a field per parameter (its `max_length`, whether it is required), the phone
 * and a tracking ID; above it, a form that picks another template, which works without script as a GET.
 */
export function znsSection(
  oa_id: string,
  templates: ListTemplatesItem[],
  options: { template?: string | undefined; refused?: RefusedForm | undefined },
) {
  const { refused } = options;
  const wanted = refused?.values.template_id ?? options.template;
  const template =
    templates.find((each) => String(each.template_id) === wanted) ??
    templates.find((each) => each.template_status === "ENABLE") ??
    templates[0];
  let body: Html;
  if (template === undefined) {
    body = html`<p class="muted">Register a template first: a ZNS is always sent with one.</p>`;
  } else {
    const error = refused?.error;
    // An error that names no field of the form is shown above the Send button.
    const fields = new Set([
      "phone",
      "tracking_id",
      ...(template.template_params ?? []).map((p) => `template_data.${p.name}`),
    ]);
    const field = (wire: string, id: string, label: Html | string, input: Html) => {
      const refusedHere = error?.field === wire;
      return html`<div><label for="${id}">${label}</label>
<input id="${id}" name="${wire}"${input}${invalid(id, refusedHere)}>
${refusedHere && error && fieldError(id, error)}</div>`;
    };
    const params = (template.template_params ?? []).map((param) =>
      field(
        `template_data.${param.name}`,
        paramId(param.name),
        html`<code>${param.name}</code>${param.type && html` <span class="muted">${param.type}</span>`}${!param.require && html` <span class="muted">(optional)</span>`}`,
        html` value="${refused?.values[`template_data.${param.name}`] ?? ""}"${param.max_length !== undefined && html` maxlength="${param.max_length}"`}${param.require && html` required`}`,
      ),
    );
    body = html`<form class="choose" method="get" action="/oa/${oa_id}#send-zns">
<label for="template">Template</label>
<div class="field">
<select id="template" name="template">${templates.map(
      (each) =>
        html`<option value="${each.template_id}"${each === template && html` selected`}>${each.template_id} · ${each.template_name ?? ""} (${each.template_status})</option>`,
    )}</select>
<button class="button">Choose</button>
</div>
</form>
${template.template_status !== "ENABLE" && html`<p class="warn">Template ${template.template_id} is ${template.template_status}: Zalo sends only ENABLE templates, so eTelecom will refuse it.</p>`}
<form class="send" method="post" action="/oa/${oa_id}/zns">
<input type="hidden" name="template_id" value="${template.template_id}">
<div class="params">
${field("phone", "zns_phone", "Phone (84… or 0…)", html` type="tel" value="${refused?.values.phone ?? ""}" pattern="(84|0)[0-9]{9,10}" maxlength="12" required placeholder="84912345678"`)}
${params}
${field("tracking_id", "zns_tracking_id", html`Tracking ID <span class="muted">(optional, e.g. the order's)</span>`, html` value="${refused?.values.tracking_id ?? ""}" maxlength="256"`)}
</div>
${error && !fields.has(error.field ?? "") && fieldError("zns", error)}
<p><button class="button primary">Send ZNS</button></p>
</form>`;
  }
  return html`<section class="card wide" aria-labelledby="send-zns"><h2 id="send-zns">Send ZNS</h2>
${body}
</section>`;
}

/** A ZNS's `delivery_status`: `received`, then `seen`, as Zalo delivers it. */
function delivery(status: string | undefined) {
  if (status === undefined) return html`<span class="muted">—</span>`;
  return html`<span class="badge ${status === "seen" ? "ok" : status === "received" ? "verified" : ""}">${status}</span>`;
}

/** The OA's latest ZNS, with where each one is in its delivery; each row names its `msg_id` for the page's script. */
export function messagesSection(messages: ListMessagesItem[]) {
  const rows = messages.map(
    (
      message,
    ) => html`<tr data-msg-id="${message.msg_id}"><td>${dateTime(message.sent_time ?? message.created_at)}</td><td class="num">${message.phone ?? "—"}</td>
<td class="num">${message.template_id ?? "—"}</td><td>${message.tracking_id ?? html`<span class="muted">—</span>`}</td>
<td><code>${message.status}</code></td><td data-delivery="${message.delivery_status ?? ""}">${delivery(message.delivery_status)}</td></tr>`,
  );
  return html`<section class="card wide" aria-labelledby="zns-messages"><h2 id="zns-messages">ZNS messages</h2>
${
  messages.length === 0
    ? html`<p class="muted">No ZNS has been sent from this OA yet.</p>`
    : html`<div class="scroll"><table>
<thead><tr><th>Sent</th><th>Phone</th><th>Template</th><th>Tracking ID</th><th>Status</th><th>Delivery</th></tr></thead>
<tbody>${rows}</tbody>
</table></div>
<p class="count">The latest ${messages.length}, newest first, each received then seen as Zalo's receipts say.</p>`
}
</section>`;
}
