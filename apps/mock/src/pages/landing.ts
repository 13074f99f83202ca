import { escapeHtml } from "../consent/consent-page.js";
import { type Answer, html, json } from "../core/answer.js";
import type { MockRequest } from "../core/mock-request.js";
import type { Shared } from "../core/prism.js";
import { type ViolationReport, violationLine } from "../proxy/violations.js";
import { DOCS_PATHS } from "../reference/docs-page.js";
import { PREFERENCES } from "../scenario/read-preference.js";
import { MOCK_ENDPOINTS } from "./endpoints.js";
import type { Page } from "./pages.js";

/** The fixture keys the page names at most: enough to find one's own, and a page of bounded size whatever the file. */
export const LANDING_KEYS_LIMIT = 50;

/**
 * Loads nothing: inline styles and the empty inline icon (without which a browser asks for /favicon.ico), no script,
 * no form, and no other site may frame it.
 */
const LANDING_SECURITY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const AUTHORIZATION = "Authorization: Bearer <key>, any non-empty key: each key is a shop with records of its own";
const PROXY_AUTHORIZATION = "Authorization: Bearer <key>, your eTelecom key: each call goes to eTelecom with it";

/** The violations the landing page shows, the latest first: the whole list is `GET /__violations`. */
export const LANDING_VIOLATIONS_LIMIT = 20;

/** What the landing page says of a proxy: where it forwards, and what it has found. */
export interface LandingProxy {
  origin: string;
  report: () => ViolationReport;
}

/** The q-value an `Accept` header gives `type` (`text/html`): its most specific matching range's, 0 if none matches. */
function quality(ranges: { range: string; q: number }[], type: string): number {
  const [major] = type.split("/");
  const match =
    ranges.find(({ range }) => range === type) ??
    ranges.find(({ range }) => range === `${major}/*`) ??
    ranges.find(({ range }) => range === "*/*");
  return match?.q ?? 0;
}

/**
 * True when `Accept` ranks HTML above JSON, as a browser's does (`text/html,…,*\/*;q=0.8`); `*\/*`, no header or a
 * tie is JSON, so curl and scripts get data.
 */
export function prefersHtml(accept: string | null): boolean {
  if (accept === null) return false;
  const ranges = accept.split(",").map((part) => {
    const [range = "", ...parameters] = part.split(";").map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith("q="));
    const value = q === undefined ? 1 : Number(q.slice(2));
    return { range, q: Number.isFinite(value) ? value : 0 };
  });
  return quality(ranges, "text/html") > quality(ranges, "application/json");
}

/** What the page shows, as data: the JSON answer, and what the HTML is made of. */
function landingData(shared: Shared, fixtureKeys: string[], proxy: LandingProxy | undefined) {
  const report = proxy?.report();
  return {
    name: "eTelecom Zalo Cloud mock",
    authorization: proxy === undefined ? AUTHORIZATION : PROXY_AUTHORIZATION,
    ...(proxy !== undefined && {
      proxy: {
        origin: proxy.origin,
        found: (report?.violations.length ?? 0) + (report?.dropped ?? 0),
        latest: report?.violations.slice(-LANDING_VIOLATIONS_LIMIT).reverse() ?? [],
      },
    }),
    operations: shared.operations.map(({ operationId, method, pathTemplate, object }) => ({
      operationId,
      method: method.toUpperCase(),
      path: pathTemplate,
      summary: object.summary,
    })),
    endpoints: MOCK_ENDPOINTS,
    options: PREFERENCES.map(({ name, value, what }) => ({
      prefer: `${name}=${value}`,
      query: `__${name}=${value}`,
      what,
    })),
    fixtures: { count: fixtureKeys.length, keys: fixtureKeys.slice(0, LANDING_KEYS_LIMIT) },
  };
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f6f7f9;color:#1c2733;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:48rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.4rem;margin:0 0 .5rem}h2{font-size:1.1rem;margin:1.75rem 0 .5rem}
ul{list-style:none;margin:0;padding:0}
li{background:#fff;border:1px solid #dde2e8;border-radius:.5rem;padding:.6rem .8rem;margin-bottom:.5rem}
code{font-size:.9rem;overflow-wrap:anywhere}
.method{display:inline-block;min-width:3.2rem;font-weight:700;color:#0068ff}
.what{display:block;color:#4b5b6b;font-size:.9rem}
a{color:#0068ff}`;

const item = (head: string, what: string) => `<li>${head}<span class="what">${escapeHtml(what)}</span></li>`;
const route = (method: string, path: string) =>
  `<span class="method">${escapeHtml(method)}</span> <code>${escapeHtml(path)}</code>`;

/** The HTML form of {@link landingData}: every text escaped, readable on a phone. */
function landingHtml(data: ReturnType<typeof landingData>): string {
  const { operations, endpoints, options, fixtures, proxy } = data;
  const proxied =
    proxy === undefined
      ? ""
      : `<h2>Forwarding to ${escapeHtml(proxy.origin)}</h2>
<p>Every API call goes to eTelecom with the caller's key, and comes back with eTelecom's answer. Found so far: ${proxy.found} violation${proxy.found === 1 ? "" : "s"} of the spec${proxy.found > proxy.latest.length ? `, the latest ${proxy.latest.length} here (all as JSON: <a href="/__violations">/__violations</a>)` : ""}.</p>
<ul>${proxy.latest.map((violation) => item(`<code>${escapeHtml(violationLine(violation).replace(/^violation: /, ""))}</code>`, violation.at)).join("")}</ul>`;
  const keys =
    fixtures.count === 0
      ? "<p>None: started without <code>--fixtures</code>, every key starts empty.</p>"
      : `<ul>${fixtures.keys.map((key) => `<li><code>${escapeHtml(key)}</code></li>`).join("")}</ul>` +
        (fixtures.count > fixtures.keys.length ? `<p>and ${fixtures.count - fixtures.keys.length} more.</p>` : "");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(data.name)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(data.name)}</h1>
<p>The API reference, with "Test Request": <a href="${DOCS_PATHS.page}">${DOCS_PATHS.page}</a>. ${escapeHtml(data.authorization)}.</p>
${proxied}<h2>Operations</h2>
<ul>${operations.map(({ method, path, summary }) => item(route(method, path), summary ?? "")).join("")}</ul>
<h2>The mock's own endpoints</h2>
<ul>${endpoints.map(({ method, path, what }) => item(route(method, path), what)).join("")}</ul>
<h2>Asking for an answer</h2>
<p>In a <code>Prefer</code> header, or in the query where no header can be set (a link):</p>
<ul>${options
    .map(({ prefer, query, what }) =>
      item(`<code>Prefer: ${escapeHtml(prefer)}</code> or <code>?${escapeHtml(query)}</code>`, what),
    )
    .join("")}</ul>
<p>For every call at once, start the mock with <code>--latency &lt;ms&gt;</code> (or <code>&lt;min&gt;-&lt;max&gt;</code>),
<code>--fault-rate &lt;0..1&gt;</code> (random faults, repeatable with <code>--seed</code>) or
<code>--rate-limit &lt;n&gt;/&lt;seconds&gt;</code> per key (429 with <code>Retry-After</code>): see <code>--help</code>.</p>
<h2>Fixture keys (${fixtures.count})</h2>
${keys}
</main>
</body>
</html>
`;
}

/**
 * `GET /`: what the mock serves, for whoever opens it first. A browser gets an HTML page, anything else JSON; both
 * come from the spec and the mock's own lists, built once, so the page cannot drift from what the mock does.
 */
export function landingPage(shared: Shared, fixtureKeys: string[], proxy?: LandingProxy): Page {
  const build = () => {
    const data = landingData(shared, fixtureKeys, proxy);
    return { asJson: json(200, data, "landing page"), asHtml: html(200, landingHtml(data), "landing page") };
  };
  // Without a proxy nothing on the page changes while the mock runs; with one, its violations do.
  const built = proxy === undefined ? build() : undefined;
  const vary = { vary: "Accept" };
  return {
    method: "GET",
    path: "/",
    answer: (request: MockRequest): Answer => {
      const { asJson, asHtml } = built ?? build();
      return prefersHtml(request.headers.get("accept"))
        ? { ...asHtml, headers: { ...vary, "content-security-policy": LANDING_SECURITY } }
        : { ...asJson, headers: vary };
    },
  };
}
