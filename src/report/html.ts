// `remedy report --format html`: the report as one self-contained page a person would rather look at than read:
// summary cards, blocked tests per area as a chart, each root cause opening onto its chain, the audit with its
// cycles drawn and sortable, filterable tables, the plan's workstreams, and one search box over all of it.
// Nothing is fetched (inline CSS, script and SVG; a Content-Security-Policy forbids any request and allows only
// this page's own script by its hash), every piece of text is escaped by `html`, and the same report gives the
// same bytes (no timestamp, no randomness, no duration).
import { createHash } from "node:crypto";
import { areaOf, type Finding, type ScanResult } from "../analyze/index.ts";
import { escapeControls } from "./controls.ts";
import { auditSection } from "./html/auditSection.ts";
import { type AreaTests, areaChart, type TrendPoint, trendChart } from "./html/charts.ts";
import { findingRow } from "./html/findings.ts";
import { type Html, html, plural, prose, raw } from "./html/markup.ts";
import { planSection } from "./html/planSection.ts";
import { SCRIPT } from "./html/script.ts";
import { STYLE } from "./html/style.ts";
import type { Report } from "./reporter.ts";
import { rootOf } from "./wording.ts";

const MAX_AREAS = 30;

const DEBT_TONE = { LOW: false, MEDIUM: "warn", HIGH: true, CRITICAL: true } as const;

const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${createHash("sha256").update(SCRIPT).digest("base64")}'`;

/** Tests per area from the test files (a file never reached under --maxfail counts as blocked, as the totals do). */
export function areaTests(scan: ScanResult): AreaTests[] {
  const byArea = new Map<string, AreaTests>();
  for (const t of scan.testFiles) {
    const area = areaOf(t.file);
    const entry = byArea.get(area) ?? { area, tests: 0, blocked: 0 };
    entry.tests += t.tests;
    if (t.blockedBy !== null || t.notReached) entry.blocked += t.tests;
    byArea.set(area, entry);
  }
  return [...byArea.values()].sort(
    (a, b) => b.blocked - a.blocked || b.tests - a.tests || (a.area < b.area ? -1 : a.area > b.area ? 1 : 0),
  );
}

const card = (value: string | number, label: string, tone: boolean | "warn" = false): Html =>
  html`<div class="card${tone === "warn" ? " warn" : tone ? " bad" : ""}"><div class="value">${value}</div><div class="label">${label}</div></div>`;

function cards(report: Report, rootCauses: number, hidden: number): Html {
  const c = report.scan.collection;
  const atLeast = c.testsLowerBound ? "≥ " : "";
  return html`<div class="cards" id="summary">
${card(`${c.blockedTestFiles}/${c.testFiles}`, "test files blocked", c.blockedTestFiles > 0)}
${card(`${atLeast}${c.tests}`, "tests once everything is fixed")}
${card(`${atLeast}${c.blockedTests}`, "tests blocked", c.blockedTests > 0)}
${card(rootCauses, `root causes${hidden > 0 ? ` (+${hidden} hidden)` : ""}`, rootCauses > 0)}
${card(report.scan.pytestExitCode, "predicted pytest exit code", report.scan.pytestExitCode !== 0)}
${report.audit && card(`${report.audit.debt.score} ${report.audit.debt.level}`, "debt score (0–100)", DEBT_TONE[report.audit.debt.level])}
</div>`;
}

function chartSection(scan: ScanResult): Html | null {
  const areas = areaTests(scan);
  if (areas.length === 0) return null;
  const shown = areas.slice(0, MAX_AREAS);
  return html`<section id="areas"><h2>Blocked tests per area</h2>
<p class="legend"><span class="swatch" style="background: var(--bar)"></span>blocked<span class="swatch" style="background: var(--bar-total)"></span>tests in the area</p>
${areaChart(shown)}
${areas.length > shown.length && html`<p class="note">… and ${plural(areas.length - shown.length, "more area")}, none with more blocked tests</p>`}
</section>`;
}

const CATEGORY_TITLES: [Finding["category"], string][] = [
  ["import", "Import resolution failures"],
  ["configuration", "Test configuration errors"],
  ["environment", "Environment problems"],
];

/** The history's trend (remedy scan, verify, check runs recorded in .remedy/history.sqlite), when given. */
function trendSection(report: Report): Html | false {
  const points: TrendPoint[] = (report.history ?? [])
    .filter((r) => r.findings !== null && r.blockedTestFiles !== null)
    .map((r) => ({
      time: r.time,
      command: r.command,
      commit: r.commit,
      findings: r.findings ?? 0,
      blockedTestFiles: r.blockedTestFiles ?? 0,
    }));
  if (points.length < 2) return false;
  return html`<section id="trend"><h2>Trend (${points.length} recorded runs)</h2>
<p class="note"><span class="legend trend-findings">findings</span> · <span class="legend trend-blocked">blocked test files</span>, oldest run first (<code>remedy history</code> lists them).</p>
${trendChart(points)}
</section>`;
}

export const htmlReport = (report: Report): string => {
  const scan = escapeControls(report.scan);
  const blocking = scan.findings.filter((f) => f.severity === "error" && !f.hidden);
  const hidden = scan.findings.filter((f) => f.severity === "error" && f.hidden);
  const possible = scan.findings.filter((f) => f.severity === "warning" && f.condition !== undefined);
  const warnings = scan.findings.filter((f) => f.severity === "warning" && f.condition === undefined);
  const groups: [string, string, Finding[]][] = [
    ...CATEGORY_TITLES.map(([cat, heading]): [string, string, Finding[]] => [
      `causes-${cat}`,
      heading,
      blocking.filter((f) => f.category === cat),
    ]),
    ["hidden", "Hidden behind other errors: pytest reports these once the above are fixed", hidden],
    ["possible", "Possible: each happens only under a condition remedy cannot decide", possible],
    ["warnings", "Warnings: do not stop collection", warnings],
  ];
  // Numbered in display order; a finding with the root cause of an earlier one (a conftest error and its cause,
  // several collectors of one statement) points to it, as the terminal report does.
  const ordered = groups.flatMap(([, , list]) => list);
  const first = new Map<string, number>();
  ordered.forEach((f, i) => {
    if (!f.cause && !first.has(rootOf(f))) first.set(rootOf(f), i + 1);
  });
  ordered.forEach((f, i) => {
    if (!first.has(rootOf(f))) first.set(rootOf(f), i + 1);
  });
  let n = 0;
  const lists = groups
    .filter(([, , list]) => list.length > 0)
    .map(([id, heading, list]) => {
      const rows = list.map((f) => {
        n += 1;
        const other = first.get(rootOf(f))!;
        return findingRow(f, n, other !== n ? other : null);
      });
      return html`<section class="finding-list" id="${id}" data-count><h2>${heading} (<span class="shown">${list.length}</span>/${list.length})</h2>
${rows}
<p class="empty empty-match">No finding here matches the search.</p></section>`;
    });
  const rootCauses = new Set(blocking.map(rootOf)).size;
  const config = scan.configfile ? `config ${scan.configfile}` : "no config file";
  const audit = report.audit && escapeControls(report.audit);
  const plan = report.plan && escapeControls(report.plan);
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${raw(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>remedy report: ${scan.root}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
<header><h1>remedy report</h1><p><code>${scan.root}</code> · rootdir <code>${scan.rootdir}</code> · ${config}</p></header>
${cards(report, rootCauses, hidden.length)}
<div class="toolbar"><input type="search" id="search" placeholder="Search findings, files, modules, audit rows…" aria-label="Search"><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button></div>
${chartSection(scan)}
${scan.findings.length === 0 && html`<section><h2>Nothing stops pytest from collecting.</h2></section>`}
${scan.pytestExitCode === 5 && html`<p class="note">pytest collects no test: it ends with exit code 5 (no tests ran).</p>`}
${lists}
${trendSection(report)}
${audit && auditSection(audit)}
${plan && plan.workstreams.length > 0 && planSection(plan)}
${scan.limitations.length > 0 && html`<section id="limitations"><h2>Limits of this scan</h2><ul>${scan.limitations.map((l) => html`<li>${prose(l)}</li>`)}</ul></section>`}
<footer>Generated by remedy from the scan${audit ? ", the audit" : ""}${plan ? " and the plan" : ""}; every figure is read off the findings.</footer>
</main>
<script>${raw(SCRIPT)}</script>
</body>
</html>
`;
  return page.text;
};
