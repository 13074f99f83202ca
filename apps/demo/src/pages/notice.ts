import { html } from "./html.js";

/** The messages a redirect can ask a page to show, by the `notice` query value; any other value shows nothing. */
const NOTICES: Record<string, { tone: "success" | "info"; text: string }> = {
  connected: { tone: "success", text: "Zalo OA connected. eTelecom keeps its tokens until the refresh token expires." },
  refused: { tone: "info", text: "No OA was connected: the OA owner did not allow the app on Zalo." },
  "webhook-saved": { tone: "success", text: "Webhook saved. eTelecom now forwards this OA's Zalo events to it." },
  "text-sent": { tone: "success", text: "Text sent to the follower." },
  "template-registered": {
    tone: "success",
    text: "Template registered. It is listed under Templates, and can be sent once Zalo has it ENABLE.",
  },
  "zns-sent": {
    tone: "success",
    text: "ZNS accepted. ZNS messages shows it, then its delivery as Zalo's receipts come in.",
  },
};

/**
 * The notice a page shows after a redirect, from a fixed list, so that a link cannot put its own words there; a
 * text's notice adds the replies left in the follower's window, a number or nothing.
 */
export function notice(name: string | undefined, remain?: number) {
  const found = name === undefined ? undefined : NOTICES[name];
  const left =
    name === "text-sent" && remain !== undefined
      ? ` ${remain} ${remain === 1 ? "reply is" : "replies are"} left in their 48-hour window.`
      : "";
  return found && html`<p class="notice ${found.tone}" role="status">${found.text}${left}</p>`;
}
