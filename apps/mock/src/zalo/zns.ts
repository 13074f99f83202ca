import type { Hook, View } from "../hooks/hook.js";
import { int64Id } from "../store/ids.js";
import { charactersFrom } from "../store/random.js";
import { isoTime } from "../store/time.js";
import { zaloMessageId } from "./consultation.js";
import { ADMIN_PHONES } from "./world.js";

/** When a sent ZNS is shown `received`, then `seen`, after its `sent_time` (the `znsDelivery` option). */
export interface DeliveryTimes {
  receivedAfterMs: number;
  seenAfterMs: number;
}

/** The spec's documented defaults: received 5 s after `sent_time`, seen 30 s after. */
export const DELIVERY: DeliveryTimes = { receivedAfterMs: 5_000, seenAfterMs: 30_000 };

const DAY = 24 * 60 * 60 * 1000;

interface TemplateParam {
  name: string;
  require?: boolean;
  max_length?: number;
  min_length?: number;
}

/** What is wrong with `template_data` for the template's parameters, as the 400's `msg`; undefined if nothing. */
function dataProblem(templateId: number, params: TemplateParam[], data: Record<string, string>): string | undefined {
  for (const { name, require, max_length, min_length } of params) {
    const value = data[name];
    if (value === undefined || value === "") {
      if (require) return `template_data.${name}: is required by template ${templateId}`;
      continue;
    }
    const length = [...value].length;
    if (max_length !== undefined && length > max_length) {
      return `template_data.${name}: must be at most ${max_length} characters`;
    }
    if (min_length !== undefined && length < min_length) {
      return `template_data.${name}: must be at least ${min_length} characters`;
    }
  }
  return undefined;
}

/**
 * `zns-send`: a ZNS to a phone, under the spec's rules, checked in this order: the template is registered (404),
 * a journey (`with.type: journey`) is the OA's, unexpired and for this phone, the template is `ENABLE` (412), every
 * required parameter is given within its lengths (400), development mode reaches only admins (412), and the OA has
 * quota left (429). An accepted message takes one from the OA's `remaining_quota`.
 */
export const sendZns: Hook = {
  answer({ body, data, store, records, owner, given }) {
    const now = store.now();
    const templateId = body.template_id as number;
    const template = records.get("template", String(templateId));
    if (template === undefined) return { example: "template_not_registered", why: `no template ${templateId}` };
    const journeyId = body.journey_id as string | undefined;
    if (given.type === "journey") {
      const journey = records.get("journey", String(journeyId));
      if (journey === undefined) return { example: "journey_not_found", why: `no journey ${journeyId}` };
      if (now >= Date.parse(String(journey.expired_at))) return { example: "journey_expired", why: "token expired" };
      if (journey.phone !== body.phone) return { example: "journey_phone_mismatch", why: "another phone's journey" };
    }
    if (template.template_status !== "ENABLE") {
      return { example: "template_not_enabled", why: `template ${templateId} is ${String(template.template_status)}` };
    }
    const templateData = body.template_data as Record<string, string>;
    const problem = dataProblem(templateId, (template.template_params as TemplateParam[]) ?? [], templateData);
    if (problem !== undefined) return { invalid: problem, why: problem };
    const development = body.mode === "development";
    if (development && !ADMIN_PHONES.includes(body.phone as string)) {
      return { example: "not_an_admin", why: "development mode to a phone that is not an admin's" };
    }
    const oa = owner as Record<string, unknown>;
    const quota = typeof oa.remaining_quota === "number" ? oa.remaining_quota : 0;
    if (quota <= 0) return { example: "zns_quota_exhausted", why: `OA ${String(oa.oa_id)} has no quota left` };
    const at = isoTime(now);
    const message = {
      id: int64Id(data.random),
      msg_id: zaloMessageId(data.random),
      oa_id: body.oa_id,
      phone: body.phone,
      template_id: templateId,
      template_data: templateData,
      ...(body.tracking_id !== undefined && { tracking_id: body.tracking_id }),
      type: given.type ?? "template",
      status: "P",
      delivery_status: "unknown",
      sent_time: at,
      fee_main: template.price,
      is_charged: !development,
      is_development: development,
      ...(journeyId !== undefined && { journey_id: journeyId, enable_sms_on_zns_failure: false }),
      sending_mode: body.sending_mode ?? "default",
      timeout: template.timeout,
      shop_id: data.shopId,
      created_at: at,
      updated_at: at,
    };
    const refused =
      records.put("message", message.msg_id, message) ??
      records.put("oa", String(oa.oa_id), { ...oa, remaining_quota: quota - 1 });
    if (refused !== undefined) return { invalid: refused, why: "refused by the store's caps" };
    return { value: message, why: `ZNS ${message.msg_id} sent to ${String(body.phone)}` };
  },
};

/** `zns-delivery`: a sent ZNS as its delivery stands at `now`, `delivery` after its `sent_time`. */
export const znsDelivery = (delivery: DeliveryTimes): View => ({
  show(record, now) {
    if (record.status !== "P" || record.delivery_status === "seen") return record;
    const sent = Date.parse(String(record.sent_time));
    const received = sent + delivery.receivedAfterMs;
    const seen = sent + delivery.seenAfterMs;
    if (now >= seen) {
      return { ...record, delivery_status: "seen", delivery_time: isoTime(received), updated_at: isoTime(seen) };
    }
    if (now >= received && record.delivery_status === "unknown") {
      return {
        ...record,
        delivery_status: "received",
        delivery_time: isoTime(received),
        updated_at: isoTime(received),
      };
    }
    return record;
  },
});

/**
 * `zns-journey`: a journey token bound to one phone, valid for the days its type names (7 unless `_30`), as the
 * spec decides.
 */
export const journeyToken: Hook = {
  answer({ body, data, store, records }) {
    const now = store.now();
    const days = String(body.token_type ?? "").endsWith("_30") ? 30 : 7;
    const journey = {
      id: int64Id(data.random),
      journey_id: int64Id(data.random),
      journey_token: `jt_${charactersFrom(data.random, "0123456789abcdef", 16)}`,
      phone: body.phone,
      status: "P",
      is_charged: false,
      created_at: isoTime(now),
      updated_at: isoTime(now),
      expired_at: isoTime(now + days * DAY),
    };
    const refused = records.put("journey", journey.journey_id, journey);
    if (refused !== undefined) return { invalid: refused, why: "refused by the store's caps" };
    return { value: journey, why: `journey ${journey.journey_id} for ${String(body.phone)}, ${days} days` };
  },
};
