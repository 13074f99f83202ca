import type { ListOAItem } from "@etelecom-zalo/client";
import { avatar, expiry, statusBadge } from "./format.js";
import { html, type View } from "./html.js";
import { notice } from "./notice.js";

const connectButton = html`<form method="post" action="/zalo/connect"><button class="button primary">Connect Zalo OA</button></form>`;

/** One OA of the list: the whole row links to its page. */
function row(oa: ListOAItem, now: number) {
  return html`<li><a class="oa" href="/oa/${oa.oa_id}">
${avatar(oa.name)}
<span class="who"><span class="name">${oa.name}</span><span class="id muted">OA ID <span class="num">${oa.oa_id}</span></span></span>
${statusBadge(oa.status)}
<span class="expiry"><span class="label">Refresh token expires</span>${expiry(oa.expires_at, now)}</span>
</a></li>`;
}

/** The shop's connected OAs, with the button that starts connecting another. */
export function oaListPage(
  accounts: ListOAItem[],
  options: { notice?: string; truncated: boolean; now: number },
): View {
  const list =
    accounts.length === 0
      ? html`<div class="card empty"><h2>No Zalo OA is connected yet</h2>
<p>Connect the shop's Zalo Official Account: its owner logs in on Zalo, picks the OA and allows the app. eTelecom then keeps the OA's tokens for the shop.</p>
${connectButton}</div>`
      : html`<ul class="oas">${accounts.map((oa) => row(oa, options.now))}</ul>
<p class="count">${accounts.length} ${accounts.length === 1 ? "OA" : "OAs"}${options.truncated ? " (the first ones only)" : ""}</p>`;
  return {
    title: "Zalo Official Accounts",
    body: html`${notice(options.notice)}
<div class="title-row">
<div><h1>Zalo Official Accounts</h1><p class="muted">The OAs connected to this shop through eTelecom.</p></div>
${accounts.length > 0 && connectButton}
</div>
${list}`,
  };
}
