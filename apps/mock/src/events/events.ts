import { DEFAULT_APP_ID, oaSecretKeys } from "../consent/connected-oa.js";
import type { Records } from "../hooks/hook.js";
import type { Clock } from "../store/clock.js";
import type { KeyData, Store } from "../store/store.js";
import { isoTime } from "../store/time.js";
import type { DeliveryTimes } from "../zalo/zns.js";
import { attempt, type Outcome, type Outgoing, type Send } from "./deliver.js";
import { zaloSignature } from "./sign.js";

/** The secret key an OA signs with when neither a fixture nor the `oaSecretKey` option gives one. */
export const DEFAULT_OA_SECRET_KEY = "mock-oa-secret-key";

/**
 * When a failed delivery is tried again, after the failure before, on the mock's clock; after the last, it is given
 * up (a subscription's state becomes `stop`). The docs say only "retried with backoff": these are the mock's.
 */
export const RETRY_AFTER_MS = [1_000, 10_000, 60_000] as const;

/** Bounds per key: pending work (the newest is dropped past it, and counted), and the attempts the log keeps. */
export const EVENT_LIMITS = { pending: 1000, log: 200 } as const;

/** The entity eTelecom's subscriptions name for ZNS messages (reference §5.6). */
export const ZNS_ENTITY = "zl_oa_message";

/** One delivery: the POST, what it carries, and the subscription it is for (absent: an OA's `webhook_url`). */
interface Delivery extends Outgoing {
  /** The Zalo event's `event_name`, or the subscription's entity. */
  event_name?: string;
  entity?: string;
  webhookId?: string;
}

/** Work waiting for its time on the mock's clock. */
type Job =
  | { due: number; kind: "receipt"; oaId: string; msgId: string; status: "received" | "seen" }
  | { due: number; kind: "delivery"; delivery: Delivery; attempt: number };

/** One attempt, as `GET /__deliveries` shows it. */
export interface AttemptEntry extends Omit<Outcome, "ok"> {
  at: string;
  url: string;
  event_name?: string;
  entity?: string;
  attempt: number;
  ok: boolean;
  signature?: string;
  /** When it is tried again, or absent when it succeeded or was given up. */
  retry_at?: string;
}

/** A key's events: its pending work (ordered by time due), what was dropped, and its last attempts. */
interface KeyEvents {
  jobs: Job[];
  /** Jobs taken from `jobs` to be attempted, not finished yet: they count toward the bound as the queued ones do. */
  running: number;
  dropped: number;
  log: AttemptEntry[];
  /** Numbers the key's subscription deliveries. */
  sent: number;
}

/** What a key's deliveries look like: `GET /__deliveries`. */
export interface DeliveryReport {
  deliveries: AttemptEntry[];
  pending: number;
  dropped: number;
}

export interface EventsOptions {
  store: Store;
  clock: Clock;
  /** The records of every resource under an OA (or none), as a call sees them: seeded, and shown on the clock. */
  records: (data: KeyData, oa?: Record<string, unknown>) => Records;
  /** The secret key of OAs that fixtures give none. */
  oaSecretKey?: string;
  /** Sends each delivery: `fetch` unless the caller gave `onDelivery`. */
  send: Send;
  /** When a sent ZNS is received, then seen: the same timings as the messages' view. */
  delivery: DeliveryTimes;
}

/** The mock's events: what is due when, delivered on the clock, logged per key. */
export interface Events {
  /** Delivers a Zalo event now to the OA's `webhook_url`, signed with the OA's secret key; false without a URL. */
  emit(data: KeyData, oa: Record<string, unknown>, event: Record<string, unknown>): boolean;
  /** Runs whatever is due on the mock's clock; resolves when each attempt it made has its outcome. */
  runDue(): Promise<void>;
  report(key: string): DeliveryReport;
  /** Stops the timer and every attempt under way; nothing is delivered after. */
  close(): void;
}

/** The longest a Node timer waits (about 24.8 days); a later due time is reached by waking up again. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export function createEvents({ store, clock, records, oaSecretKey, send, delivery }: EventsOptions): Events {
  const keys = new Map<string, KeyEvents>();
  const stop = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const eventsOf = (key: string) => {
    let events = keys.get(key);
    if (events === undefined) {
      events = { jobs: [], running: 0, dropped: 0, log: [], sent: 0 };
      keys.set(key, events);
    }
    return events;
  };

  store.onForget((data) => {
    if (data === undefined) keys.clear();
    else keys.delete(data.key);
  });

  /** Wakes up for the earliest work due, on a timer that never keeps the process alive. */
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (stop.signal.aborted) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const { jobs } of keys.values()) earliest = Math.min(earliest, jobs[0]?.due ?? earliest);
    if (earliest === Number.POSITIVE_INFINITY) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, earliest - clock.now()));
    timer = setTimeout(() => void runDue(), wait);
    timer.unref();
  };

  const enqueue = (key: string, job: Job) => {
    const events = eventsOf(key);
    // Queued and under way together: a receiver that never answers holds jobs in attempts, and those must not let
    // the queue grow past its bound.
    if (events.jobs.length + events.running >= EVENT_LIMITS.pending) {
      events.dropped++;
      return;
    }
    // Kept in order of time due, and of arrival for the same time: a receipt before the read.
    const at = events.jobs.findIndex((queued) => queued.due > job.due);
    events.jobs.splice(at === -1 ? events.jobs.length : at, 0, job);
  };

  const secretOf = (data: KeyData, oaId: string) =>
    oaSecretKeys(data).get(oaId) ?? oaSecretKey ?? DEFAULT_OA_SECRET_KEY;

  /** A Zalo event as the OA's `webhook_url` receives it: the body's bytes, and the headers signing them. */
  const zaloDelivery = (data: KeyData, oa: Record<string, unknown>, event: Record<string, unknown>): Delivery => {
    const body = JSON.stringify(event);
    const signature = zaloSignature(
      String(event.app_id),
      body,
      String(event.timestamp),
      secretOf(data, String(oa.oa_id)),
    );
    const zns = event.event_name === "user_received_message" || event.event_name === "user_seen_message";
    return {
      url: String(oa.webhook_url),
      body,
      headers: {
        "content-type": "application/json",
        "x-zevent-signature": signature,
        ...(zns && { "x-zevent-server": "ZNS" }),
      },
      event_name: String(event.event_name),
    };
  };

  // A ZNS just sent is received, then seen, on the clock (the `delivery` timings): each change is delivered when due.
  store.onPut((data, place, value, previous) => {
    if (place.resource !== "message" || place.owner === undefined || previous !== undefined) return;
    if (value.status !== "P") return;
    const sent = Date.parse(String(value.sent_time));
    // Only the changes still to come: a fixture's old message was received and seen long ago.
    if (!(sent + delivery.receivedAfterMs > clock.now())) return;
    const job = { kind: "receipt", oaId: place.owner, msgId: String(value.msg_id) } as const;
    enqueue(data.key, { ...job, due: sent + delivery.receivedAfterMs, status: "received" });
    enqueue(data.key, { ...job, due: sent + delivery.seenAfterMs, status: "seen" });
    arm();
  });

  /** The deliveries of a ZNS's change: Zalo's receipt to the OA's webhook, the Message to each subscription. */
  const receiptDeliveries = (data: KeyData, job: Extract<Job, { kind: "receipt" }>): Delivery[] => {
    const oa = store.get(data, { resource: "oa" }, job.oaId);
    if (oa === undefined) return [];
    const shown = records(data, oa).get("message", job.msgId);
    const reached = job.status === "seen" ? ["seen"] : ["received", "seen"];
    if (shown === undefined || !reached.includes(String(shown.delivery_status))) return [];
    // A clock moved past both changes at once still delivers each as it left the message: received, then seen.
    const message =
      job.status === "received" && shown.delivery_status === "seen"
        ? { ...shown, delivery_status: "received", updated_at: shown.delivery_time }
        : shown;
    const now = clock.now();
    const deliveries: Delivery[] = [];
    if (typeof oa.webhook_url === "string" && oa.webhook_url !== "") {
      const sent = Date.parse(String(message.sent_time));
      const event = {
        app_id: String(oa.app_id ?? DEFAULT_APP_ID),
        event_name: job.status === "received" ? "user_received_message" : "user_seen_message",
        sender: { id: job.oaId },
        recipient: { id: String(message.phone) },
        timestamp: String(now),
        message: {
          msg_id: job.msgId,
          ...(job.status === "received" && {
            ...(message.tracking_id !== undefined && { tracking_id: message.tracking_id }),
            delivery_time: String(sent + delivery.receivedAfterMs),
          }),
        },
      };
      deliveries.push(zaloDelivery(data, oa, event));
    }
    const events = eventsOf(data.key);
    for (const webhook of records(data).list("webhook")) {
      const entities = Array.isArray(webhook.entities) ? webhook.entities : [];
      if (!entities.includes(ZNS_ENTITY) || stateOf(webhook) === "stop") continue;
      events.sent++;
      const envelope = {
        id: String(1_190_000_000_000_000_000n + BigInt(events.sent)),
        entity: ZNS_ENTITY,
        created_at: isoTime(now),
        data: message,
      };
      deliveries.push({
        url: String(webhook.url),
        body: JSON.stringify(envelope),
        headers: { "content-type": "application/json" },
        entity: ZNS_ENTITY,
        webhookId: String(webhook.id),
      });
    }
    return deliveries;
  };

  /** Records a subscription's `states` after an attempt, on the webhook record that the API's reads answer. */
  const recordStates = (data: KeyData, delivery: Delivery, entry: AttemptEntry, given: boolean) => {
    const webhooks = records(data);
    const webhook = webhooks.get("webhook", delivery.webhookId as string);
    if (webhook === undefined) return;
    const states = (webhook.states ?? {}) as Record<string, unknown>;
    const next = entry.ok
      ? { ...states, state: "ok", last_sent_at: entry.at }
      : {
          ...states,
          state: given ? "stop" : "retry",
          last_sent_at: entry.at,
          last_error: {
            error: entry.error,
            resp_body: entry.response ?? "",
            ...(entry.status !== undefined && { resp_status: entry.status }),
            retried: entry.attempt - 1,
            sent_at: entry.at,
          },
        };
    webhooks.put("webhook", String(webhook.id), { ...webhook, states: next });
  };

  /** Tries one delivery, logs it, and schedules its retry or gives it up. */
  const deliver = async (data: KeyData, delivery: Delivery, number: number) => {
    if (delivery.webhookId !== undefined) {
      const webhook = records(data).get("webhook", delivery.webhookId);
      // Deleted, or stopped since: a disabled subscription gets nothing more.
      if (webhook === undefined || stateOf(webhook) === "stop") return;
    }
    const at = clock.now();
    const { ok, ...outcome } = await attempt(send, delivery, stop.signal);
    if (stop.signal.aborted || !keys.has(data.key)) return;
    const retryAfter = ok ? undefined : RETRY_AFTER_MS[number - 1];
    const entry: AttemptEntry = {
      at: isoTime(at),
      url: delivery.url,
      ...(delivery.event_name !== undefined && { event_name: delivery.event_name }),
      ...(delivery.entity !== undefined && { entity: delivery.entity }),
      attempt: number,
      ok,
      ...outcome,
      ...(delivery.headers["x-zevent-signature"] !== undefined && {
        signature: delivery.headers["x-zevent-signature"],
      }),
      ...(retryAfter !== undefined && { retry_at: isoTime(clock.now() + retryAfter) }),
    };
    const events = eventsOf(data.key);
    events.log.push(entry);
    if (events.log.length > EVENT_LIMITS.log) events.log.shift();
    if (delivery.webhookId !== undefined) recordStates(data, delivery, entry, !ok && retryAfter === undefined);
    if (retryAfter !== undefined) {
      enqueue(data.key, { due: clock.now() + retryAfter, kind: "delivery", delivery, attempt: number + 1 });
    }
  };

  /** A key's due work, in order: a receipt's deliveries before the read's. */
  const runKey = async (key: string, events: KeyEvents, due: Job[]) => {
    events.running += due.length;
    let left = due.length;
    try {
      for (const job of due) {
        const data = store.peek(key);
        if (data === undefined || stop.signal.aborted) return;
        try {
          if (job.kind === "delivery") await deliver(data, job.delivery, job.attempt);
          else for (const delivery of receiptDeliveries(data, job)) await deliver(data, delivery, 1);
        } finally {
          events.running--;
          left--;
        }
      }
    } finally {
      // What an abort or a forgotten key left unattempted no longer counts.
      events.running -= left;
    }
  };

  async function runDue(): Promise<void> {
    const now = clock.now();
    const work: Promise<void>[] = [];
    for (const [key, events] of keys) {
      const count = events.jobs.findIndex((job) => job.due > now);
      const due = events.jobs.splice(0, count === -1 ? events.jobs.length : count);
      if (due.length > 0) work.push(runKey(key, events, due));
    }
    arm();
    await Promise.all(work);
    arm();
  }

  clock.onAdvance(runDue);

  return {
    emit(data, oa, event) {
      if (typeof oa.webhook_url !== "string" || oa.webhook_url === "") return false;
      enqueue(data.key, { due: clock.now(), kind: "delivery", delivery: zaloDelivery(data, oa, event), attempt: 1 });
      return true;
    },
    runDue,
    report(key) {
      const events = keys.get(key);
      const pending = (events?.jobs.length ?? 0) + (events?.running ?? 0);
      return { deliveries: [...(events?.log ?? [])], pending, dropped: events?.dropped ?? 0 };
    },
    close() {
      stop.abort();
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      keys.clear();
    },
  };
}

const stateOf = (webhook: Record<string, unknown>) => (webhook.states as { state?: string } | undefined)?.state;
