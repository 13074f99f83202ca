import { html } from "./html.js";

/** The messages a redirect can ask a page to show, by the `notice` query value; any other value shows nothing. */
const NOTICES: Record<string, { tone: "success" | "info"; text: string }> = {
  connected: { tone: "success", text: "Zalo OA connected. eTelecom keeps its tokens until the refresh token expires." },
  refused: { tone: "info", text: "No OA was connected: the OA owner did not allow the app on Zalo." },
  "webhook-saved": { tone: "success", text: "Webhook saved. eTelecom now forwards this OA's Zalo events to it." },
};

/** The notice a page shows after a redirect, from a fixed list, so that a link cannot put its own words there. */
export function notice(name: string | undefined) {
  const found = name === undefined ? undefined : NOTICES[name];
  return found && html`<p class="notice ${found.tone}" role="status">${found.text}</p>`;
}
