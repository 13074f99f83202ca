import {
  createZaloCloudClient,
  isEtelecomApiError,
  isEtelecomError,
  isEtelecomInputError,
  isEtelecomWebhookError,
  type ListOAItem,
  parseAuthorizationCallback,
  verifyWebhookEvent,
  type ZaloEvent,
} from "@etelecom-zalo/client";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { csrf } from "hono/csrf";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { backOfficeRoutes, type ShowOA } from "./back-office-routes.js";
import { CALLBACK_PATH, type DemoConfig, ownOrigins, redirectUriOf, WEBHOOK_PATH } from "./demo-config.js";
import { explainError, FOREIGN_CALLBACK, foreignHost, NOT_FOUND, UNUSABLE_CODE } from "./explain-error.js";
import { loadOAPage } from "./oa-page-data.js";
import type { View } from "./pages/html.js";
import { layout } from "./pages/layout.js";
import { oaListPage } from "./pages/oa-list-page.js";
import { OA_PAGE_SCRIPT_PATH, oaPage } from "./pages/oa-page.js";
import { OA_PAGE_SCRIPT } from "./pages/oa-page-script.js";
import { problemPage } from "./pages/problem-page.js";
import { readForm } from "./read-form.js";
import { EventLog, showEvent } from "./zalo-events.js";

/** The list page reads at most this many OAs, page after page: a bound on one request's work. */
const MAX_LISTED = 1000;

/**
 * The cookie that ties a consent to the browser that asked for it (RFC 6749 10.12): it holds the consent link's
 * `state`, which the callback must bring back. Zalo's code lives about 10 minutes; the owner may read a while first.
 */
const STATE_COOKIE = "zalo_consent_state";
const STATE_MAX_AGE = 30 * 60;

/**
 * The answer to an event `verifyWebhookEvent` refused, by its reason: a body that is no event is the sender's
 * mistake (400); one not proven to be Zalo's, or too far from now to be fresh, is refused as unauthenticated (401);
 * an authentic event of a kind the spec does not describe is acknowledged, or Zalo would send it again.
 */
const REFUSED_EVENT: Record<string, ContentfulStatusCode> = { not_json: 400, invalid_body: 400, unknown_event: 200 };

/** Which eTelecom the header names: the mock's origin, or production or sandbox. */
function targetOf({ baseUrl, environment = "production" }: DemoConfig["etelecom"]) {
  return baseUrl === undefined ? `eTelecom ${environment}` : `eTelecom at ${new URL(baseUrl).origin}`;
}

/** The shop-settings app: its routes are the whole "Connect Zalo OA" integration. */
export function createDemoApp(config: DemoConfig): Hono {
  const zalo = createZaloCloudClient(config.etelecom);
  const redirect_uri = redirectUriOf(config.publicUrl);
  const target = targetOf(config.etelecom);
  const log = config.log ?? ((line: string) => console.error(line));
  const render = (c: Context, view: View, status: ContentfulStatusCode = 200) => c.html(layout(view, target), status);
  const oaPath = (oa_id: string, notice: string) => `/oa/${encodeURIComponent(oa_id)}?notice=${notice}`;
  const events = new EventLog();
  // The URL an OA's webhook must be for the demo to receive its events; none without a key to verify them with.
  const receiver = config.zaloWebhook && `${new URL(config.publicUrl).origin}${WEBHOOK_PATH}`;
  const showOA: ShowOA = async (c, oa_id, options, status = 200) => {
    const data = await loadOAPage(zalo, oa_id, c.req.raw.signal);
    return render(c, oaPage(data, { ...options, now: Date.now(), events: events.of(data.oa.oa_id), receiver }), status);
  };
  const origins = ownOrigins(config);
  const hosts = new Set(origins.map((origin) => new URL(origin).host));
  // Sends the owner's browser to a consent link, remembering in it which consent it asked for.
  const toConsent = (c: Context, url: string) => {
    setCookie(c, STATE_COOKIE, new URL(url).searchParams.get("state") ?? "", {
      path: CALLBACK_PATH,
      httpOnly: true,
      // Lax, not Strict: the callback is a top-level navigation from Zalo's site, which Strict would send bare.
      sameSite: "Lax",
      secure: new URL(redirect_uri).protocol === "https:",
      maxAge: STATE_MAX_AGE,
    });
    return c.redirect(url, 302);
  };

  const app = new Hono();
  // Pages load nothing but themselves and the OA page's script, which reads the demo's JSON. No form-action: the
  // Connect and Reconnect forms redirect to Zalo.
  app.use(
    secureHeaders({
      // Not no-referrer: with it, a browser sends `Origin: null` on the demo's own forms, which look forged then.
      referrerPolicy: "same-origin",
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        styleSrc: ["'unsafe-inline'"],
        imgSrc: ["data:"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // A page of another site whose name resolves to the demo's address (DNS rebinding) is same-origin with what it
  // fetches: only the demo's own names, fixed by its config, are answered.
  app.use(async (c, next) => {
    const host = c.req.header("host")?.toLowerCase() ?? "";
    if (hosts.has(host)) return next();
    return render(c, problemPage(foreignHost(host, new URL(config.publicUrl).origin)), 421);
  });
  // The largest form is one URL, and Zalo's largest event a 2,000-character text: anything much bigger is neither.
  app.use(bodyLimit({ maxSize: 16 * 1024 }));

  // Zalo's events for the shop's OAs, forwarded by eTelecom to each OA's webhook_url. Registered before the CSRF
  // check, which is for the demo's own forms: Zalo posts from no page, and its signature is what proves the sender.
  app.post(WEBHOOK_PATH, async (c) => {
    if (config.zaloWebhook === undefined) return c.text("not_configured", 503);
    let event: ZaloEvent;
    try {
      // The text as received: the signature covers these bytes, not a parsed and re-serialised copy.
      event = await verifyWebhookEvent({ body: await c.req.text(), headers: c.req.raw.headers }, config.zaloWebhook);
    } catch (error) {
      if (!isEtelecomWebhookError(error)) throw error;
      const status = REFUSED_EVENT[error.reason] ?? 401;
      return c.text(status === 200 ? "ok" : error.reason, status);
    }
    // Verified, so the header is one mac=<hex>: the same bytes sent again bring the same one.
    const signature = c.req.header("x-zevent-signature")?.trim().toLowerCase() ?? "";
    const found = showEvent(event, signature.slice("mac=".length));
    if (found !== undefined) events.add(found.oa_id, found.shown);
    return c.text("ok", 200);
  });

  // Every form changes the shop's settings: only the demo's own pages may post them, whether the browser reaches
  // the demo directly or through a proxy at publicUrl. Compared with the configured origins, never with one made
  // from the request's Host, which the sender chooses.
  app.use(csrf({ origin: origins }));

  app.get("/", async (c) => {
    const accounts: ListOAItem[] = [];
    // The request's signal aborts when the browser goes away, and with it the paging of eTelecom's list.
    for await (const oa of zalo.listOA.all({}, { max: MAX_LISTED, signal: c.req.raw.signal })) accounts.push(oa);
    const notice = c.req.query("notice");
    const truncated = accounts.length === MAX_LISTED;
    return render(c, oaListPage(accounts, { ...(notice && { notice }), truncated, now: Date.now() }));
  });

  // 1. "Connect Zalo OA": eTelecom makes Zalo's consent link for the app, and the owner's browser goes there.
  app.post("/zalo/connect", async (c) => {
    const { url } = await zalo.authorizeOA({ ...config.zaloApp, redirect_uri });
    return toConsent(c, url);
  });

  // 2. Zalo sends the owner back here: connect the OA with the code, at once (it is single-use and short-lived).
  app.get(CALLBACK_PATH, async (c) => {
    let callback: ReturnType<typeof parseAuthorizationCallback>;
    try {
      callback = parseAuthorizationCallback(c.req.url);
    } catch (error) {
      if (!isEtelecomInputError(error)) throw error;
      if (error.field === "error" || error.field === "code") return c.redirect("/?notice=refused", 303);
      return render(
        c,
        problemPage({
          status: 400,
          title: "This link from Zalo is incomplete",
          text: "It lacks what Zalo adds after consent. Connect the OA again from the shop's settings.",
          detail: error.message,
          next: "connect",
        }),
        400,
      );
    }
    // Else anyone could send the owner a callback link for their own OA and code, and it would be connected here.
    if (getCookie(c, STATE_COOKIE) !== callback.state) return render(c, problemPage(FOREIGN_CALLBACK), 400);
    // Good once, as the code is.
    deleteCookie(c, STATE_COOKIE, { path: CALLBACK_PATH });
    try {
      const oa = await zalo.connectOA(callback);
      return c.redirect(oaPath(oa.oa_id, "connected"), 303);
    } catch (error) {
      if (!isEtelecomApiError(error) || error.code !== "invalid_argument") throw error;
      return render(c, problemPage({ ...UNUSABLE_CODE, detail: `eTelecom answered: ${error.msg}` }), 400);
    }
  });

  // 3. One OA: its quality, quotas, refresh-token expiry and webhook; its followers, templates and ZNS.
  app.get("/oa/:oa_id", async (c) => {
    const { notice, remain, template } = c.req.query();
    return showOA(c, c.req.param("oa_id"), {
      ...(notice && { notice }),
      // Only a count, so that a link cannot put its own words in the notice.
      ...(remain && /^\d{1,6}$/.test(remain) && { remain: Number(remain) }),
      ...(template && { template }),
    });
  });

  // What the OA page's script polls: the events received for the OA and the ZNS deliveries they report. Read from
  // memory only, so that a page left open does not spend the key's rate limit on eTelecom every 2 seconds; it
  // shows only what the demo itself received for that OA ID.
  app.get("/oa/:oa_id/events.json", (c) => {
    const oa_id = c.req.param("oa_id");
    c.header("Cache-Control", "no-store");
    return c.json({ events: events.of(oa_id), deliveries: events.deliveries(oa_id) });
  });

  app.get(OA_PAGE_SCRIPT_PATH, (c) =>
    c.body(OA_PAGE_SCRIPT, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" }),
  );

  // 4. Set the OA's webhook; eTelecom checks the URL, and its reason is shown beside the form.
  app.post("/oa/:oa_id/webhook", async (c) => {
    const oa_id = c.req.param("oa_id");
    const webhook_url = (await readForm(c)).webhook_url?.trim() ?? "";
    try {
      await zalo.updateShopOA({ oa_id, webhook_url });
    } catch (error) {
      if (!isEtelecomApiError(error) || error.code !== "invalid_argument") throw error;
      return showOA(c, oa_id, { webhook: { value: webhook_url, error: `eTelecom refused it: ${error.msg}` } }, 400);
    }
    return c.redirect(oaPath(oa_id, "webhook-saved"), 303);
  });

  // 5. "Reconnect": a new consent link for the same OA; after it, Zalo calls step 2 again, which renews the expiry.
  app.post("/oa/:oa_id/reconnect", async (c) => {
    const { url } = await zalo.refreshToken({ oa_id: c.req.param("oa_id") });
    return toConsent(c, url);
  });

  // 6-8. The back office: a text to a follower, a template registered, a ZNS sent.
  backOfficeRoutes(app, zalo, showOA);

  app.notFound((c) => render(c, problemPage(NOT_FOUND), 404));
  app.onError((error, c) => {
    const problem = explainError(error);
    // The client's errors hold no secret; anything else is the demo's own bug, whose stack belongs in the log.
    const reason = isEtelecomError(error) ? `${error.name}: ${error.message}` : (error.stack ?? String(error));
    if (problem.status >= 500) log(`${c.req.method} ${c.req.path} -> ${problem.status}: ${reason}`);
    return render(c, problemPage(problem), problem.status);
  });
  return app;
}
