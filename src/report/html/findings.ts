// The scan's findings as the HTML report shows them: one row per finding that opens (a native <details>, so it
// works before the script runs) onto pytest's message, the chain from a blocked test file down to the broken
// statement, the blast radius and the fix. The words are the terminal report's (title, pytest lines, effect).
import type { ChainStep, Finding } from "../../analyze/index.ts";
import { effect, pytestLines, title } from "../wording.ts";
import { type Html, html, plural, prose } from "./markup.ts";

const MAX_FILES = 20;

const at = (file: string, line: number): string => (line > 0 ? `${file}:${line}` : file);

function steps(list: ChainStep[], cls: string): Html {
  return html`<ol class="${cls}">${list.map(
    (s) =>
      html`<li><span class="loc"><span class="file">${s.file}</span>:<span class="line">${s.line}</span></span> <code class="stmt">${s.statement}</code></li>`,
  )}</ol>`;
}

function fileList(files: string[]): Html {
  const shown = files.slice(0, MAX_FILES);
  const more = files.length - shown.length;
  return html`<ul class="files">${shown.map((f) => html`<li><code>${f}</code></li>`)}${more > 0 && html`<li class="more">… and ${more} more</li>`}</ul>`;
}

const field = (name: string, body: Html | string): Html => html`<dt>${name}</dt><dd>${body}</dd>`;

function body(f: Finding, sameAs: number | null): Html {
  const sites = (f.sites ?? [{ file: f.file, line: f.line }]).map((s) => at(s.file, s.line));
  const what = effect(f);
  const cause = f.cause && !(f.cause.file === f.file && f.cause.line === f.line && f.cause.message === f.message);
  const blocks = f.blocks;
  const radius =
    blocks.testFiles.length > 0 &&
    html`${plural(blocks.testFiles.length, "test file")}, ${blocks.testsLowerBound ? "at least " : ""}${plural(blocks.tests, "test")}${blocks.areas.length > 0 && ` in ${blocks.areas.join(", ")}`}${fileList(blocks.testFiles)}`;
  return html`<dl class="detail">
${field("at", fileList(sites))}
${field("pytest", html`<pre class="message">${pytestLines(f).join("\n")}</pre>`)}
${f.condition && field("only if", prose(f.condition))}
${what && field("effect", prose(what))}
${sameAs !== null && field("same as", `#${sameAs}: one broken statement, reported by several collectors`)}
${cause && f.cause && field("cause", html`<code>${at(f.cause.file, f.cause.line)}</code> ${f.cause.exceptionType}: ${f.cause.message}`)}
${f.chain.length > 0 && field("chain", steps(f.chain, "chain"))}
${f.cycle && f.cycle.length > 0 && field("cycle", steps(f.cycle, "cycle"))}
${radius && field(f.severity === "warning" ? "would block" : "blocks", radius)}
${f.hiddenIn.length > 0 && field("also in", html`${fileList(f.hiddenIn)}<p class="note">behind another error there</p>`)}
${f.suggestions.length > 0 && field("fix", html`<ul class="fixes">${f.suggestions.map((s) => html`<li>${prose(s.message)}</li>`)}</ul>`)}
</dl>`;
}

/** One finding, numbered `n`; `sameAs` points to the first finding with the same root cause. */
export function findingRow(f: Finding, n: number, sameAs: number | null): Html {
  const mark = f.severity === "error" ? "error" : "warning";
  const tests = f.blocks.testFiles.length > 0 ? `${f.blocks.testsLowerBound ? "≥" : ""}${f.blocks.tests}` : "–";
  return html`<details class="finding ${mark}" id="finding-${n}" data-search data-id="${f.id}" data-kind="${f.kind}">
<summary><span class="num">${n}</span><span class="title">${prose(title(f))}</span><span class="where"><code>${at(f.file, f.line)}</code></span><span class="tests" title="tests blocked">${tests}</span></summary>
${body(f, sameAs)}
</details>`;
}
