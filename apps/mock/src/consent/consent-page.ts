import type { ConsentLink } from "./links.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character] as string);
}

/**
 * Loads nothing from anywhere (inline styles only, no script, no image, no font), and is never framed: framed by
 * another site, it could be overlaid so that the owner clicks Allow unknowingly.
 */
const PAGE_SECURITY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The headers of a consent page whose form may go to `callback`, or of a page with no form: CSP and its older
 * equivalent for framing. `form-action` also governs the redirect that answers the form (Chromium blocks it), and
 * Allow and Deny redirect to the app's callback, on another origin: so the callback's origin is allowed beside
 * 'self'. CSP's host-source has no IPv6 literal, so a callback on one is allowed by its scheme alone.
 */
export function pageHeaders(callback?: string): Record<string, string> {
  let formAction = "'none'";
  if (callback !== undefined) {
    const { protocol, hostname, origin } = new URL(callback);
    formAction = `'self' ${hostname.startsWith("[") ? protocol : origin}`;
  }
  return { "content-security-policy": `${PAGE_SECURITY}; form-action ${formAction}`, "x-frame-options": "DENY" };
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f2f4f7;color:#1c2733;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:30rem;margin:0 auto;padding:1.5rem 1rem}
.brand{color:#0068ff;font-weight:700;letter-spacing:.02em;margin:0 0 1rem}
.card{background:#fff;border-radius:.75rem;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.12)}
h1{font-size:1.3rem;line-height:1.3;margin:0 0 .75rem}
.en{display:block;color:#5b6b7b;font-size:.85em;font-weight:400}
dl{margin:1rem 0}dt{color:#5b6b7b;font-size:.85rem}dd{margin:0 0 .5rem;overflow-wrap:anywhere}
code{font-size:.9rem}
fieldset{border:0;margin:1rem 0;padding:0}legend{font-weight:600;margin-bottom:.5rem}
.oa{display:flex;gap:.75rem;align-items:center;padding:.75rem;border:1px solid #d5dbe3;border-radius:.5rem;margin-bottom:.5rem}
.oa:has(input:checked){border-color:#0068ff;background:#eef5ff}
.oa input{width:1.25rem;height:1.25rem;flex:none}
.oa .id{display:block;color:#5b6b7b;font-size:.8rem}
.actions{display:flex;gap:.75rem;margin-top:1.25rem}
button{flex:1;font:inherit;font-weight:600;padding:.8rem;border-radius:.5rem;border:1px solid #0068ff;cursor:pointer}
.allow{background:#0068ff;color:#fff}.deny{background:#fff;color:#0068ff}
.reason{background:#fff1f0;border:1px solid #ffccc7;border-radius:.5rem;padding:.75rem;overflow-wrap:anywhere}
.note{color:#5b6b7b;font-size:.8rem;margin-top:1.5rem}`;

/** A whole page: Vietnamese first, English beside it, readable on a phone. */
function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="brand">Zalo</p>
<div class="card">
${content}
</div>
<p class="note">Trang này do mock eTelecom Zalo Cloud tạo, không phải Zalo.
<span lang="en">This page is served by the eTelecom Zalo Cloud mock, not by Zalo.</span></p>
</main>
</body>
</html>
`;
}

const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;

/** The consent page of a link: the app, where the browser goes next, the OAs to pick, Allow and Deny. */
export function consentPage(link: ConsentLink): string {
  const choices = link.offered
    .map(
      (oa, index) =>
        `<label class="oa"><input type="radio" name="oa_id" value="${escapeHtml(oa.oa_id)}"${index === 0 ? " checked" : ""}>` +
        `<span><span class="name">${escapeHtml(oa.name)}</span><span class="id">OA ID ${escapeHtml(oa.oa_id)}</span></span></label>`,
    )
    .join("\n");
  return page(
    "Cấp quyền cho ứng dụng · Authorize the app",
    `<h1>Cấp quyền cho ứng dụng quản lý Official Account<span class="en" lang="en">Let the app manage an Official Account</span></h1>
<dl>
<dt>Ứng dụng · App ID</dt><dd><code>${escapeHtml(link.app_id)}</code></dd>
<dt>Sau đó chuyển về · Then back to</dt><dd><code>${escapeHtml(link.redirect_uri)}</code></dd>
</dl>
<form method="post">
${hidden("app_id", link.app_id)}
${hidden("redirect_uri", link.redirect_uri)}
${hidden("code_challenge", link.code_challenge)}
${hidden("state", String(link.state))}
<fieldset>
<legend>Chọn Official Account · <span lang="en">Choose an Official Account</span></legend>
${choices}
</fieldset>
<div class="actions">
<button type="submit" name="decision" value="allow" class="allow">Cho phép · <span lang="en">Allow</span></button>
<button type="submit" name="decision" value="deny" class="deny">Từ chối · <span lang="en">Deny</span></button>
</div>
</form>`,
  );
}

/** The page of a link that cannot be consented to, with the reason; it never redirects. */
export function consentErrorPage(reason: string): string {
  return page(
    "Không thể cấp quyền · Cannot authorize",
    `<h1>Không thể cấp quyền<span class="en" lang="en">This link cannot be used</span></h1>
<p class="reason" lang="en">${escapeHtml(reason)}</p>
<p>Hãy tạo liên kết mới bằng AuthorizeOA hoặc RefreshToken.
<span lang="en">Ask the app for a new link (AuthorizeOA or RefreshToken).</span></p>`,
  );
}
