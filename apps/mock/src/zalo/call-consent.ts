import type { Hook, View } from "../hooks/hook.js";
import { int64Id } from "../store/ids.js";
import { isoTime } from "../store/time.js";

/** When the customer answers a request for calling permission, and how long an agreement holds: the spec's. */
export const CONSENT_REPLY = {
  afterMs: 30_000,
  noAnswerAfterMs: 24 * 60 * 60 * 1000,
  holdsMs: 7 * 24 * 60 * 60 * 1000,
};

/**
 * `call-consent-request`: a request for calling permission, sent (`P`) and waiting for the customer (`S`); the
 * `call-consent-reply` view shows the answer as the mock's clock moves on.
 */
export const consentRequest: Hook = {
  answer({ body, data, store, records }) {
    const at = isoTime(store.now());
    const consent = {
      id: int64Id(data.random),
      oa_id: body.oa_id,
      phone: body.phone,
      call_type: body.call_type,
      reason_code: body.reason_code,
      status: "P",
      reply_status: "S",
      delivery_status: "unknown",
      is_charged: true,
      shop_id: data.shopId,
      created_at: at,
      updated_at: at,
    };
    const refused = records.put("consent", consent.id, consent);
    if (refused !== undefined) return { invalid: refused, why: "refused by the store's caps" };
    return { value: consent, why: `consent ${consent.id} asked of ${String(body.phone)}` };
  },
};

/**
 * `call-consent-reply`: the customer's answer as it stands at `now`: after {@link CONSENT_REPLY}.afterMs most
 * agree (`P`, for a week), a phone ending in 000 refuses (`N`); one ending in 999 never answers (`NS` after a day).
 */
export const consentReply: View = {
  show(record, now) {
    if (record.reply_status !== "S") return record;
    const asked = Date.parse(String(record.created_at));
    const phone = String(record.phone);
    if (phone.endsWith("999")) {
      const gaveUp = asked + CONSENT_REPLY.noAnswerAfterMs;
      return now >= gaveUp ? { ...record, reply_status: "NS", updated_at: isoTime(gaveUp) } : record;
    }
    const replied = asked + CONSENT_REPLY.afterMs;
    if (now < replied) return record;
    const answer = {
      ...record,
      delivery_status: "seen",
      delivery_time: isoTime(replied),
      updated_at: isoTime(replied),
    };
    if (phone.endsWith("000")) return { ...answer, reply_status: "N" };
    return { ...answer, reply_status: "P", expires_at: isoTime(replied + CONSENT_REPLY.holdsMs) };
  },
};

/** `call-consent-check`: whether the phone's latest request is agreed and unexpired, in the spec's decided values. */
export const consentCheck: Hook = {
  answer({ body, store, records }) {
    const latest = records
      .list("consent")
      .filter((consent) => consent.phone === body.phone)
      .sort((a, b) => Date.parse(String(b.created_at)) - Date.parse(String(a.created_at)))[0];
    const granted =
      latest?.reply_status === "P" && store.now() < Date.parse(String(latest.expires_at)) ? latest : undefined;
    return granted === undefined
      ? { value: { error: 1, message: "not granted" }, why: `${String(body.phone)} has not granted` }
      : {
          value: { error: 0, expired_time: granted.expires_at, message: "granted" },
          why: `${String(body.phone)} granted until ${String(granted.expires_at)}`,
        };
  },
};
