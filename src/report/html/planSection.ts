// The plan's workstreams in the HTML report: one card per workstream with its items in order, the commands that
// prove each done, the files it owns and the files it must not touch.
import type { Plan } from "../../plan/index.ts";
import { type Html, html, plural, prose } from "./markup.ts";

const codeList = (items: string[]): Html =>
  html`<ul class="files">${items.map((x) => html`<li><code>${x}</code></li>`)}</ul>`;

export function planSection(plan: Plan): Html {
  return html`<section id="plan"><h2>Plan: ${plural(plan.workstreams.length, "workstream")} for ${plural(plan.teams, "team")}</h2>
<div class="workstreams">${plan.workstreams.map(
    (w) => html`<article class="workstream" data-search id="${w.id}">
<h3>${w.id}: ${w.title}</h3>
<p class="figures">${w.effort} effort points · unblocks ${plural(w.unblocksTests, "test")}</p>
<ol class="items">${w.order.map((item) => html`<li><p>${prose(item.title)} <span class="effort">(${item.effort} pt)</span></p>${item.commands.length > 0 && html`<pre class="commands">${item.commands.join("\n")}</pre>`}</li>`)}</ol>
${w.files.length > 0 && html`<details><summary>Owns ${plural(w.files.length, "file")}</summary>${codeList(w.files)}</details>`}
${w.mustNotTouch.length > 0 && html`<details><summary>Must not touch ${plural(w.mustNotTouch.length, "file")}</summary>${codeList(w.mustNotTouch)}</details>`}
${w.commands.length > 0 && html`<p>Done when these pass:</p><pre class="commands">${w.commands.join("\n")}</pre>`}
</article>`,
  )}</div></section>`;
}
