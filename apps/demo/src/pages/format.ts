import { html } from "./html.js";

const DAY = 86_400_000;
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A date-time from eTelecom as `<time>`, in UTC so that every reader sees the same moment; `—` when absent. */
export function dateTime(iso: string | undefined) {
  if (iso === undefined) return html`<span class="muted">—</span>`;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return html`<time datetime="${iso}">${DATE_TIME.format(time)} UTC</time>`;
}

/** How far a refresh token's expiry is from now, and whether it is time to reconnect. */
export function expiry(iso: string | undefined, now: number) {
  const time = iso === undefined ? Number.NaN : Date.parse(iso);
  if (Number.isNaN(time)) return html`${dateTime(iso)}`;
  const days = Math.floor((time - now) / DAY);
  const [tone, words] =
    time <= now
      ? ["bad", "expired: reconnect"]
      : days === 0
        ? ["bad", "within a day: reconnect"]
        : [days <= 14 ? "warn" : "muted", `in ${days} day${days === 1 ? "" : "s"}`];
  return html`${dateTime(iso)} <span class="when ${tone}">${words}</span>`;
}

/** An OA's `status` as words: eTelecom documents `P` and `N`, and its own examples send others. */
export function statusBadge(status: string) {
  if (status === "P") return html`<span class="badge ok">Connected</span>`;
  if (status === "N") return html`<span class="badge off">Disconnected</span>`;
  return html`<span class="badge">Status ${status}</span>`;
}

const QUALITY: Record<string, string> = { HIGH: "High", MEDIUM: "Medium", LOW: "Low", UNDEFINED: "Not rated yet" };

/** An OA's quality rating as a word; a value eTelecom does not document is shown as it came. */
export function quality(value: string | undefined) {
  if (value === undefined) return html`<span class="muted">—</span>`;
  return html`<span class="quality q-${QUALITY[value] ? value.toLowerCase() : "other"}">${QUALITY[value] ?? value}</span>`;
}

/** A count, or `—` when eTelecom left it out. */
export function count(value: number | undefined) {
  return value === undefined ? html`<span class="muted">—</span>` : value.toLocaleString("en-US");
}

/** The letter in an OA's round avatar: eTelecom's avatar URL points at Zalo, and the demo loads nothing remote. */
export function avatar(name: string, size: "small" | "big" = "small") {
  const letter = Array.from(name.trim())[0]?.toUpperCase() ?? "?";
  return html`<span class="avatar ${size}" aria-hidden="true">${letter}</span>`;
}
