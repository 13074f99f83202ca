import type { ZaloEvent } from "@etelecom-zalo/client";

/** The events kept per OA, newest first: the OA page shows them all. */
export const EVENTS_KEPT = 100;
/** The OAs whose events are kept; past it, the OA that received an event longest ago is forgotten. */
const OAS_KEPT = 100;
/** Zalo's limit on a text (OASendText's too): a longer one is cut, so that an event's size is bounded. */
const MAX_TEXT = 2000;

/** One event as the OA page shows it. */
export interface ShownEvent {
  /** Its signature's hex: Zalo sends a failed delivery again with the same bytes, which are kept once. */
  id: string;
  /** Zalo's `timestamp`, as an ISO date-time. */
  at: string;
  event_name: string;
  /** The follower's ID, or for a ZNS receipt the phone number. */
  user: string;
  text?: string;
  msg_id?: string;
}

/** Where a ZNS is in its delivery, as Zalo's receipts say; a later receipt never moves it back. */
export type Delivery = "received" | "seen";

/** The events of ZNS receipts: `sender` is the OA and `recipient` the phone, the other way round from a user's. */
const RECEIPTS = new Set(["user_received_message", "user_seen_message"]);

/**
 * A verified event's OA and what the page shows of it; undefined for one that names no OA, or whose timestamp is
 * past the dates JavaScript has (16 digits allow it, and only a tolerance without bound lets it through).
 */
export function showEvent(event: ZaloEvent, id: string): { oa_id: string; shown: ShownEvent } | undefined {
  // The spec's envelope leaves sender and recipient optional on follow and unfollow, and every body open.
  const { sender, recipient, message } = event as {
    sender?: { id?: unknown };
    recipient?: { id?: unknown };
    message?: { msg_id?: unknown; text?: unknown };
  };
  const [oa, user] = RECEIPTS.has(event.event_name) ? [sender, recipient] : [recipient, sender];
  const at = new Date(Number(event.timestamp));
  if (typeof oa?.id !== "string" || oa.id === "" || Number.isNaN(at.getTime())) return undefined;
  const text = typeof message?.text === "string" ? [...message.text].slice(0, MAX_TEXT).join("") : undefined;
  const msg_id = typeof message?.msg_id === "string" ? message.msg_id : undefined;
  return {
    oa_id: oa.id,
    shown: {
      id,
      at: at.toISOString(),
      event_name: event.event_name,
      user: typeof user?.id === "string" ? user.id : "",
      ...(text !== undefined && { text }),
      ...(msg_id !== undefined && { msg_id }),
    },
  };
}

/** The events the demo received, in memory: the last {@link EVENTS_KEPT} of each of the last {@link OAS_KEPT} OAs. */
export class EventLog {
  readonly #byOA = new Map<string, ShownEvent[]>();

  /** Keeps an event of an OA, unless it has it already (a delivery sent again). */
  add(oa_id: string, event: ShownEvent): void {
    const events = this.#byOA.get(oa_id) ?? [];
    if (events.some((each) => each.id === event.id)) return;
    events.unshift(event);
    events.length = Math.min(events.length, EVENTS_KEPT);
    // Moved to the end of the map's order, which is thus from the OA longest without an event to the latest.
    this.#byOA.delete(oa_id);
    this.#byOA.set(oa_id, events);
    if (this.#byOA.size > OAS_KEPT) this.#byOA.delete(this.#byOA.keys().next().value as string);
  }

  /** An OA's events, newest first. */
  of(oa_id: string): readonly ShownEvent[] {
    return this.#byOA.get(oa_id) ?? [];
  }

  /** Where each ZNS of the OA's kept receipts is in its delivery, by `msg_id`. */
  deliveries(oa_id: string): Record<string, Delivery> {
    // No prototype: a msg_id such as "constructor" is a key like any other.
    const reached: Record<string, Delivery> = Object.create(null);
    for (const { event_name, msg_id } of this.of(oa_id)) {
      if (msg_id === undefined) continue;
      if (event_name === "user_seen_message") reached[msg_id] = "seen";
      else if (event_name === "user_received_message") reached[msg_id] ??= "received";
    }
    return reached;
  }
}
