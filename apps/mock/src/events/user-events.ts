import { DEFAULT_APP_ID } from "../consent/connected-oa.js";
import type { Records } from "../hooks/hook.js";
import type { KeyData, Store } from "../store/store.js";
import { isoTime } from "../store/time.js";
import { zaloMessageId } from "../zalo/consultation.js";
import { followerSample } from "../zalo/followers.js";

/** What a simulated user can do, and the type of the conversation message each is (`null`: not a message). */
export const USER_EVENTS = {
  user_send_text: "text",
  user_send_image: "photo",
  user_send_sticker: "sticker",
  follow: null,
  unfollow: null,
} as const;

export type UserEventName = keyof typeof USER_EVENTS;

/** What `POST /__events` asks for, checked. */
export interface UserAct {
  oa_id: string;
  event_name: UserEventName;
  user_id: string;
  text?: string;
}

/** What an act does: the follower after it and the Zalo event it makes, or the error it is refused with. */
export type ActOutcome =
  | { event: Record<string, unknown> }
  | { status: 400 | 404; code: "invalid_argument" | "not_found"; msg: string };

/** The most characters of a simulated text: Zalo's own limit on a message is 2000. */
const TEXT_LIMIT = 2000;

/** Reads `POST /__events`'s body, or says what is wrong with it. */
export function readAct(body: Record<string, unknown>): UserAct | string {
  const { oa_id, event_name, user_id, message, ...rest } = body;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) return `${extra}: is not a known field (oa_id, event_name, user_id, message)`;
  if (typeof oa_id !== "string" || oa_id === "") return "oa_id: is required, a string";
  if (typeof event_name !== "string" || !Object.hasOwn(USER_EVENTS, event_name)) {
    return `event_name: must be one of ${Object.keys(USER_EVENTS).join(", ")}`;
  }
  if (typeof user_id !== "string" || user_id === "" || user_id.length > 64) {
    return "user_id: is required, the follower's zl_user_id";
  }
  if (event_name !== "user_send_text") {
    return message === undefined
      ? { oa_id, event_name: event_name as UserEventName, user_id }
      : "message: only user_send_text takes one";
  }
  const text = (message as { text?: unknown } | undefined)?.text;
  if (typeof message !== "object" || message === null || Object.keys(message).join() !== "text") {
    return 'message: must be {"text": "..."}';
  }
  if (typeof text !== "string" || text === "" || [...text].length > TEXT_LIMIT) {
    return `message.text: must be 1 to ${TEXT_LIMIT} characters`;
  }
  return { oa_id, event_name: "user_send_text", user_id, text };
}

/**
 * Plays a follower's act on the OA's records, as Zalo would see it: a message opens the 48-hour reply window (the
 * follower's `last_conversation` is the user's message, `has_conversation` true); `follow` makes the user a follower
 * (a new one if the OA had none by that ID) and `unfollow` ends it. Resolves to the Zalo event the OA receives.
 */
export function act(
  { store, data, records }: { store: Store; data: KeyData; records: Records },
  oa: Record<string, unknown>,
  { oa_id, event_name, user_id, text }: UserAct,
): ActOutcome {
  const now = store.now();
  const at = isoTime(now);
  const known = records.get("follower", user_id);
  if (known === undefined && event_name !== "follow") {
    return { status: 404, code: "not_found", msg: `user_id: ${user_id} is not a follower of OA ${oa_id}` };
  }
  const follower = known ?? followerSample.fill({ oa_id, zl_user_id: user_id }, { store, data, index: 0 });
  const type = USER_EVENTS[event_name];
  const msgId = type === null ? undefined : zaloMessageId(data.random);
  const changed =
    type === null
      ? { ...follower, state: event_name, updated_at: at }
      : {
          ...follower,
          has_conversation: true,
          last_conversation: { direction: "in", ...(text !== undefined && { message: text }), sent_time: at, type },
          updated_at: at,
        };
  const refused = records.put("follower", user_id, changed);
  if (refused !== undefined) return { status: 400, code: "invalid_argument", msg: refused };
  return {
    event: {
      app_id: String(oa.app_id ?? DEFAULT_APP_ID),
      event_name,
      sender: { id: user_id },
      recipient: { id: oa_id },
      ...(typeof follower.zl_user_id_by_app === "string" && { user_id_by_app: follower.zl_user_id_by_app }),
      timestamp: String(now),
      ...(msgId !== undefined && { message: { msg_id: msgId, ...(text !== undefined && { text }) } }),
    },
  };
}
