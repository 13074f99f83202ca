import type {
  GetShopOAResult,
  ListFollowersItem,
  ListMessagesItem,
  ListTemplatesItem,
  ZaloCloudClient,
} from "@etelecom-zalo/client";

/** The followers the OA page lists: one page, the first ones eTelecom answers. */
export const FOLLOWERS_SHOWN = 20;
/** The most templates and ZNS the OA page reads, page after page: a bound on one request's work. */
const MAX_TEMPLATES = 100;
const MAX_MESSAGES = 100;
/** The ZNS the OA page lists, latest first. */
export const MESSAGES_SHOWN = 20;

/** Everything the OA page shows: the OA, its first followers, its registered templates and its latest ZNS. */
export interface OAPageData {
  oa: GetShopOAResult;
  followers: ListFollowersItem[];
  /** Whether the OA has more followers than the page lists. */
  moreFollowers: boolean;
  templates: ListTemplatesItem[];
  /** Latest first, at most MESSAGES_SHOWN. */
  messages: ListMessagesItem[];
}

/** Collects what an async iterable yields. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

/**
 * Reads the OA first, so that an OA that is not the shop's is its own 404 before anything else is asked; then the
 * rest at once. `signal` is the browser's request: when it goes away, so do the reads.
 */
export async function loadOAPage(zalo: ZaloCloudClient, oa_id: string, signal: AbortSignal): Promise<OAPageData> {
  const oa = await zalo.getShopOA({ oa_id }, { signal });
  const filter = { oa_id: oa.oa_id };
  const [followers, templates, messages] = await Promise.all([
    zalo.listFollowers({ filter, paging: { limit: FOLLOWERS_SHOWN } }, { signal }),
    collect(zalo.listTemplates.all({ filter }, { max: MAX_TEMPLATES, signal })),
    collect(zalo.listMessages.all({ filter }, { max: MAX_MESSAGES, signal })),
  ]);
  // eTelecom's list keeps its own order; the shop wants what it just sent on top.
  const latest = messages
    .map((message, index) => ({ message, index, at: Date.parse(message.created_at ?? message.sent_time ?? "") }))
    .sort((a, b) => (b.at || 0) - (a.at || 0) || b.index - a.index)
    .slice(0, MESSAGES_SHOWN)
    .map(({ message }) => message);
  return {
    oa,
    followers: followers.followers,
    moreFollowers: Boolean(followers.paging.next),
    templates,
    messages: latest,
  };
}
