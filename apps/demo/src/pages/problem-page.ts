import type { Problem } from "../explain-error.js";
import { html, type View } from "./html.js";

/** A request that could not be done: what happened, in words, and where to go next. */
export function problemPage(problem: Problem): View {
  const next =
    problem.next === "connect"
      ? html`<form method="post" action="/zalo/connect"><button class="button primary">Connect Zalo OA</button></form>
<a class="button" href="/">All Zalo OAs</a>`
      : html`<a class="button primary" href="/">All Zalo OAs</a>`;
  return {
    title: problem.title,
    body: html`<div class="card problem" role="alert">
<p class="status">Error ${problem.status}</p>
<h1>${problem.title}</h1>
<p class="text">${problem.text}</p>
${problem.detail && html`<p class="detail">${problem.detail}</p>`}
<div class="actions">${next}</div>
</div>`,
  };
}
