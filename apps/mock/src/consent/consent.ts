/** Options of {@link consent}. */
export interface ConsentOptions {
  /** What the owner clicks: `"allow"` (default) or `"deny"`. */
  decision?: "allow" | "deny";
  /** The OA the owner picks; by default the first one the page offers. */
  oa_id?: string;
  /** The `fetch` to use; by default the global one. */
  fetch?: typeof fetch;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
const unescapeHtml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ENTITIES[name] as string);

/** The `name` and `value` attributes of each `<input>` of a type in an HTML page. */
function inputs(page: string, type: string): [name: string, value: string][] {
  const found: [string, string][] = [];
  for (const [tag] of page.matchAll(/<input\b[^>]*>/g)) {
    if (!tag.includes(`type="${type}"`)) continue;
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    const value = /\bvalue="([^"]*)"/.exec(tag)?.[1];
    if (name !== undefined && value !== undefined) found.push([unescapeHtml(name), unescapeHtml(value)]);
  }
  return found;
}

/** The reason an error page of the mock gives. */
const reasonOf = (page: string) =>
  unescapeHtml(/<p class="reason"[^>]*>([^<]*)<\/p>/.exec(page)?.[1] ?? page.slice(0, 200));

/**
 * Consents on the mock's page as an OA owner's browser would: opens the consent link, submits its form with Allow
 * (or Deny), and resolves to the callback URL the mock redirects to (`redirect_uri?oa_id=…&code=…&state=…`, or
 * `…?error=access_denied&state=…`), without following it. Rejects with the page's reason when the mock refuses.
 */
export async function consent(url: string, options: ConsentOptions = {}): Promise<string> {
  const { decision = "allow", fetch: fetchImpl = fetch } = options;
  const shown = await fetchImpl(url, { redirect: "manual" });
  const page = await shown.text();
  if (shown.status !== 200) throw new Error(`consent page answered ${shown.status}: ${reasonOf(page)}`);
  const offered = inputs(page, "radio").map(([, value]) => value);
  const oaId = options.oa_id ?? offered[0];
  if (oaId === undefined || !offered.includes(oaId)) {
    throw new Error(`oa_id ${options.oa_id} is not offered on the consent page (it offers ${offered.join(", ")})`);
  }
  const form = new URLSearchParams([...inputs(page, "hidden"), ["oa_id", oaId], ["decision", decision]]);
  const answered = await fetchImpl(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
  const location = answered.headers.get("location");
  if (answered.status !== 302 || location === null) {
    throw new Error(`consent form answered ${answered.status}: ${reasonOf(await answered.text())}`);
  }
  return URL.canParse(location) ? location : new URL(location, url).href;
}
