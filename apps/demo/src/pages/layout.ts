import { html, raw } from "hono/html";
import type { View } from "./html.js";

/** Inline, so the page loads nothing else: no stylesheet, no font, no image; a page's script, if any, is its own. */
const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#f4f6f9;color:#1c2733;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:#0058d6}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.num{white-space:nowrap}/* an ID is one word: a break inside it reads as two numbers */
h1{font-size:1.6rem;line-height:1.25;margin:0}
h2{font-size:1rem;margin:0 0 .75rem}
.wrap{max-width:62rem;margin:0 auto;padding:0 1rem}
.bar{background:#fff;border-bottom:1px solid #dfe4ea}
.bar .wrap{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;padding-block:.75rem}
.home{display:flex;align-items:center;gap:.6rem;color:inherit;font-weight:650;text-decoration:none}
.home .section{color:#5b6b7b;font-weight:400}
.target{margin-left:auto;color:#5b6b7b;font-size:.8rem}
main.wrap{padding-top:1.75rem;padding-bottom:3rem}
.muted{color:#5b6b7b}.warn{color:#8a5a00;font-weight:600}.bad{color:#b42318;font-weight:600}
.notice{border-radius:.6rem;padding:.75rem 1rem;margin:0 0 1.5rem;border:1px solid}
.notice.success{background:#e8f6ee;border-color:#a9dcbf;color:#0b5d36}
.notice.info{background:#eef4ff;border-color:#bcd3fb;color:#1c3f7a}
.title-row{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:1rem;margin-bottom:1.5rem}
.title-row p{margin:.25rem 0 0}
.button{display:inline-block;font:inherit;font-weight:600;padding:.65rem 1.1rem;border-radius:.5rem;border:1px solid #0068ff;background:#fff;color:#0068ff;cursor:pointer;text-decoration:none;white-space:nowrap}
.button.primary{background:#0068ff;color:#fff}
.button:hover{filter:brightness(.95)}
.button:focus-visible,input:focus-visible,a:focus-visible{outline:3px solid #9cc3ff;outline-offset:2px}
.card{background:#fff;border:1px solid #dfe4ea;border-radius:.75rem;padding:1.25rem}
.empty{text-align:center;padding:2.5rem 1.25rem}
.empty p{max-width:34rem;margin:.5rem auto 1.25rem;color:#5b6b7b}
.avatar{display:inline-grid;place-items:center;flex:none;border-radius:50%;background:#dbe8ff;color:#0050c8;font-weight:700}
.avatar.small{width:2.5rem;height:2.5rem}
.avatar.big{width:3.5rem;height:3.5rem;font-size:1.5rem}
.logo{display:inline-grid;place-items:center;width:2rem;height:2rem;border-radius:.5rem;background:#0068ff;color:#fff;font-weight:700}
.oas{list-style:none;margin:0;padding:0;background:#fff;border:1px solid #dfe4ea;border-radius:.75rem}
.oas li+li{border-top:1px solid #dfe4ea}
.oa{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;padding:1rem 1.25rem;color:inherit;text-decoration:none}
.oa:hover{background:#f7f9fc}
.oa .who{flex:1 1 14rem;min-width:0}
.oa .name{display:block;font-weight:600;color:#0058d6}
.oa .id{font-size:.85rem}
.oa .expiry{flex:0 1 17rem;font-size:.9rem}
.label{display:block;color:#5b6b7b;font-size:.8rem}
.badge{display:inline-block;padding:.1rem .55rem;border-radius:1rem;font-size:.8rem;font-weight:600;background:#eef1f4;color:#3d4b59}
.badge.ok{background:#e8f6ee;color:#0b5d36}.badge.off{background:#fdecea;color:#b42318}.badge.verified{background:#eef4ff;color:#1c3f7a}
.count{color:#5b6b7b;font-size:.9rem;margin:.75rem 0 0}
.back{margin:0 0 1rem}
.oa-head{display:flex;align-items:center;gap:1rem;margin-bottom:.5rem}
.oa-head p{margin:.25rem 0 0;display:flex;flex-wrap:wrap;gap:.25rem .6rem;align-items:center}
.description{color:#3d4b59;margin:0 0 1.5rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.cards .wide{grid-column:1/-1}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:1rem;margin:0}
dt{color:#5b6b7b;font-size:.85rem}dd{margin:0;overflow-wrap:anywhere;font-weight:500}
.when{display:block;font-size:.85rem;font-weight:400}
.figure{font-size:1.75rem;font-weight:650;margin:0}
.figure span{font-size:1rem;font-weight:400;color:#5b6b7b}
meter{width:100%;height:.75rem;margin-top:.5rem}
.q-high{color:#0b5d36;font-weight:600}.q-medium{color:#8a5a00;font-weight:600}.q-low{color:#b42318;font-weight:600}
.reconnect{margin-top:1rem;padding-top:1rem;border-top:1px solid #dfe4ea;display:flex;flex-wrap:wrap;align-items:center;gap:.75rem}
.reconnect p{flex:1 1 14rem;margin:0;color:#5b6b7b;font-size:.9rem}
label{display:block;margin-bottom:.5rem}
.field{display:flex;flex-wrap:wrap;gap:.75rem}
.field input{flex:1 1 18rem;min-width:0;font:inherit;padding:.6rem .75rem;border:1px solid #b8c2cc;border-radius:.5rem}
.field input[aria-invalid=true]{border-color:#b42318}
select,textarea,.params input{font:inherit;padding:.6rem .75rem;border:1px solid #b8c2cc;border-radius:.5rem;background:#fff;max-width:100%}
textarea{display:block;width:100%;resize:vertical}
[aria-invalid=true]{border-color:#b42318}
.button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible{outline:3px solid #9cc3ff;outline-offset:2px}
h3{font-size:.95rem;margin:0 0 .25rem}
.send{margin-top:1.25rem;padding-top:1rem;border-top:1px solid #dfe4ea}
.send label,.choose label{margin:.75rem 0 .35rem;font-size:.9rem}
.send p{margin:.25rem 0}.send p.muted{font-size:.9rem}.send .button{margin-top:.75rem}
.params{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:0 1rem}
.params input{width:100%}
.error .detail{display:block;color:#5b6b7b;font-size:.85rem;overflow-wrap:anywhere}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th{text-align:left;color:#5b6b7b;font-weight:500;font-size:.8rem}
th,td{padding:.45rem .6rem .45rem 0;border-bottom:1px solid #eef1f4;vertical-align:top}
td .when{font-size:.8rem}
.open{color:#0b5d36;font-weight:600}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.error{color:#b42318;margin:.5rem 0 0}
.problem{max-width:38rem;margin:1rem auto;text-align:center}
.problem .status{color:#5b6b7b;font-weight:600;margin:0 0 .5rem}
.problem .text{margin:.75rem 0}
.problem .detail{background:#f4f6f9;border-radius:.5rem;padding:.6rem .8rem;font-size:.9rem;color:#3d4b59;overflow-wrap:anywhere}
.problem .actions{display:flex;flex-wrap:wrap;justify-content:center;gap:.75rem;margin-top:1.5rem}
.problem form{margin:0}
@media (max-width:30rem){h1{font-size:1.35rem}.target{margin-left:0;flex-basis:100%}.title-row .button{width:100%}.title-row form{flex-basis:100%}}
`;

// A blue "Z" tile as the tab icon, inline: without one, the browser asks the server for /favicon.ico.
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0068ff"/><path d="M10 10h12L10 22h12" stroke="#fff" stroke-width="3.2" fill="none" stroke-linejoin="round"/></svg>',
)}`;

/** A whole page around a view: the header says which eTelecom the demo talks to. */
export function layout(view: View, target: string) {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${view.title} · Shop settings</title>
<link rel="icon" href="${ICON}">
<style>${raw(STYLE)}</style>${
    view.script &&
    html`
<script src="${view.script}" defer></script>`
  }
</head>
<body>
<header class="bar"><div class="wrap">
<a class="home" href="/"><span class="logo" aria-hidden="true">Z</span>Shop settings <span class="section">/ Zalo OA</span></a>
<span class="target">${target}</span>
</div></header>
<main class="wrap">
${view.body}
</main>
</body>
</html>
`;
}
