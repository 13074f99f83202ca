import { request } from "node:http";
import { consent } from "@etelecom-zalo/mock";

/** A page as a browser gets it: its status, where it redirects (absolute), its HTML and the cookies it sets. */
export interface Page {
  status: number;
  location: string | null;
  html: string;
  /** The `name=value` of each cookie the page sets, ready for a `Cookie` header; its attributes in `setCookies`. */
  cookie: string;
  setCookies: string[];
}

async function pageOf(response: Response): Promise<Page> {
  const location = response.headers.get("location");
  const setCookies = response.headers.getSetCookie();
  return {
    status: response.status,
    location: location === null ? null : new URL(location, response.url).href,
    html: await response.text(),
    cookie: setCookies.map((line) => line.split(";")[0]).join("; "),
    setCookies,
  };
}

/** GETs a URL without following its redirect, sending `cookie` as a browser that holds it does. */
export async function get(url: string, cookie = ""): Promise<Page> {
  return pageOf(await fetch(url, { redirect: "manual", ...(cookie && { headers: { Cookie: cookie } }) }));
}

/**
 * Sends a request with headers `fetch` will not send as given, such as a forged `Host` (a DNS-rebinding page's);
 * resolves to the status and the body.
 */
export function sendRaw(
  url: string,
  options: { method?: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; html: string }> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: options.method ?? "GET", headers: options.headers }, (response) => {
      let html = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        html += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, html }));
    });
    sent.on("error", reject);
    sent.end(options.body);
  });
}

/** Submits a form to `url` as a browser does from a page of the same origin, without following the redirect. */
export async function submit(url: string, form: Record<string, string> = {}, origin = new URL(url).origin) {
  return pageOf(
    await fetch(url, {
      method: "POST",
      headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
      redirect: "manual",
    }),
  );
}

/** Follows a redirect the way a browser does. */
export function follow(page: Page): Promise<Page> {
  if (page.location === null) throw new Error(`expected a redirect, got ${page.status}: ${page.html.slice(0, 300)}`);
  return get(page.location);
}

/**
 * Clicks a button that leads to Zalo (Connect, or Reconnect at `form`), decides on the consent page, and resolves
 * to the demo's answer to the callback, not followed, in the browser that clicked: with the cookies the click set.
 */
export async function throughConsent(
  form: string,
  options: { decision?: "allow" | "deny"; oa_id?: string } = {},
): Promise<Page> {
  const clicked = await submit(form);
  if (clicked.status !== 302 || clicked.location === null) {
    throw new Error(`${form} answered ${clicked.status}, not a redirect to Zalo: ${clicked.html.slice(0, 300)}`);
  }
  return get(await consent(clicked.location, options), clicked.cookie);
}

/** The text of a page without its tags and with its entities decoded, spaces collapsed: what a reader sees. */
export function textOf(html: string): string {
  const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" };
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => entities[name] as string)
    .replace(/\s+/g, " ")
    .trim();
}
