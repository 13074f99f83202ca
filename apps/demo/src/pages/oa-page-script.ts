/**
 * The OA page's one script, served from the demo's own origin (the CSP allows `script-src 'self'`, nothing inline):
 * every 2 seconds it reads the events the demo received for the OA and redraws the Events table, and moves each ZNS's
 * delivery badge on (received, then seen). Without JavaScript the page shows the same on a reload. Plain ES2020,
 * written with DOM methods and `textContent` only, so that nothing an event carries is ever parsed as HTML.
 */
export const OA_PAGE_SCRIPT = `"use strict";
(() => {
  const section = document.querySelector("[data-events]");
  if (section === null) return;
  const url = section.getAttribute("data-events");
  const rows = section.querySelector("tbody");
  const format = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const RANK = { received: 1, seen: 2 };
  const BADGE = { received: "badge verified", seen: "badge ok" };
  let drawn = rows.getAttribute("data-ids") || "";
  const live = section.querySelector("[data-live]");
  if (live !== null) live.textContent = "New events, and the ZNS messages' delivery, appear as they arrive.";

  const cell = (content, className) => {
    const td = document.createElement("td");
    if (className) td.className = className;
    if (typeof content === "string") td.textContent = content;
    else td.append(content);
    return td;
  };
  const time = (iso) => {
    const element = document.createElement("time");
    element.dateTime = iso;
    element.textContent = format.format(new Date(iso)) + " UTC";
    return element;
  };

  const draw = (events) => {
    const fresh = events.map((event) => {
      const tr = document.createElement("tr");
      const what = event.text !== undefined ? event.text : event.msg_id !== undefined ? event.msg_id : "";
      tr.append(cell(time(event.at)), cell(event.event_name), cell(event.user, "num"), cell(what));
      return tr;
    });
    if (fresh.length === 0) {
      const tr = document.createElement("tr");
      const td = cell("No event received yet.", "muted");
      td.colSpan = 4;
      tr.append(td);
      fresh.push(tr);
    }
    rows.replaceChildren(...fresh);
  };

  const deliver = (deliveries) => {
    for (const row of document.querySelectorAll("[data-msg-id]")) {
      const reached = deliveries[row.getAttribute("data-msg-id")];
      const badge = row.querySelector("[data-delivery]");
      if (badge === null || !(reached in RANK)) continue;
      if (RANK[reached] <= (RANK[badge.getAttribute("data-delivery")] || 0)) continue;
      const span = document.createElement("span");
      span.className = BADGE[reached];
      span.textContent = reached;
      badge.setAttribute("data-delivery", reached);
      badge.replaceChildren(span);
    }
  };

  const poll = async () => {
    try {
      const response = await fetch(url, { headers: { Accept: "application/json" } });
      if (response.ok) {
        const { events, deliveries } = await response.json();
        const ids = events.map((event) => event.id).join(" ");
        if (ids !== drawn) {
          draw(events);
          drawn = ids;
        }
        deliver(deliveries);
      }
    } catch {
      // The demo restarting, or the network gone: the page keeps what it shows, and the next poll tries again.
    }
    setTimeout(poll, 2000);
  };
  poll();
})();
`;
