import type { Hook } from "../hooks/hook.js";
import { charactersFrom } from "../store/random.js";
import { isoTime } from "../store/time.js";

/** Zalo's reply window: the 48 hours after a user's last message, in which an OA may send 8 messages. */
const WINDOW_MS = 48 * 60 * 60 * 1000;
const REPLIES = 8;

/** A Zalo message ID: 16 hex digits, as in the spec's examples. */
export const zaloMessageId = (random: Parameters<typeof charactersFrom>[0]) =>
  charactersFrom(random, "0123456789abcdef", 16);

/**
 * `zalo-consultation`: a free-form message from the OA to one follower, under Zalo's rules: the user follows the
 * OA, wrote within 48 hours, and the OA has sent fewer than 8 messages since. The window is counted from the
 * follower's `last_conversation` (the user's last message), and the replies from the OA's messages stored with that
 * window's end as their quota's `expired_date`. The declaration's `with.type` is the message's type.
 */
export const consultation: Hook = {
  answer({ body, data, store, records, given }) {
    const oaId = body.oa_id as string;
    const userId = (body.recipient as { user_id: string }).user_id;
    const follower = records.get("follower", userId);
    if (follower?.state !== "follow") return { example: "not_following", why: `${userId} does not follow` };
    const last = follower.last_conversation as { direction?: string; sent_time?: string } | undefined;
    const now = store.now();
    const windowEnd = last?.direction === "in" ? Date.parse(last.sent_time ?? "") + WINDOW_MS : Number.NaN;
    if (!(now < windowEnd)) return { example: "window_closed", why: `${userId} has not written in 48 hours` };
    const expired_date = isoTime(windowEnd);
    const sent = records
      .list("oa_message")
      .filter(
        (message) =>
          message.zl_user_id === userId &&
          (message.quota as { expired_date?: string } | undefined)?.expired_date === expired_date,
      ).length;
    if (sent >= REPLIES) return { example: "reply_quota_exhausted", why: `${REPLIES} replies sent to ${userId}` };
    const message = {
      msg_id: zaloMessageId(data.random),
      oa_id: oaId,
      direction: "out",
      type: given.type,
      recipient_id: userId,
      sender_id: oaId,
      user_id: userId,
      zl_user_id: userId,
      shop_id: data.shopId,
      quota: {
        quota_type: "reply",
        remain: REPLIES - sent - 1,
        total: REPLIES,
        expired_date,
        owner_id: oaId,
        owner_type: "OA",
      },
    };
    const refused = records.put("oa_message", message.msg_id, message);
    if (refused !== undefined) return { invalid: refused, why: "refused by the store's caps" };
    return { value: message, why: `${String(given.type)} ${message.msg_id} sent to ${userId}` };
  },
};
