// The audit in the HTML report: the debt score and its breakdown, every latent cycle drawn, and the findings and
// services as tables the page's script sorts (click a header) and filters (the box above each table).
import type { AuditFinding, AuditResult } from "../../analyze/index.ts";
import { cycleGraph } from "./charts.ts";
import { type Html, html, prose } from "./markup.ts";

/** A column: its heading, the cell's markup, and the value it sorts by (numbers sort as numbers). */
interface Column<T> {
  name: string;
  cell: (row: T) => Html | string | number;
  sort: (row: T) => string | number;
}

export function sortableTable<T>(id: string, caption: string, columns: Column<T>[], rows: T[]): Html {
  const numeric = columns.map((c) => rows.length > 0 && rows.every((r) => typeof c.sort(r) === "number"));
  return html`<div class="table-block">
<label class="filter">Filter ${caption}: <input type="search" class="table-filter" data-table="${id}" placeholder="text in any column"></label>
<table id="${id}" class="sortable" data-count><caption>${caption} (<span class="shown">${rows.length}</span>/${rows.length})</caption>
<thead><tr>${columns.map((c, i) => html`<th scope="col" data-type="${numeric[i] ? "number" : "text"}" aria-sort="none"><button type="button">${c.name}</button></th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr data-search>${columns.map((c) => html`<td data-sort="${c.sort(r)}">${c.cell(r)}</td>`)}</tr>`)}</tbody>
</table></div>`;
}

/** The modules of a latent cycle in order: `detail.modules` when the audit gives it, else the subject's
 *  `a -> b -> c` (a closing repeat of the first module dropped). */
export function cycleModules(f: AuditFinding): string[] {
  const given = f.detail.modules;
  const list =
    Array.isArray(given) && given.every((m) => typeof m === "string")
      ? (given as string[])
      : f.subject.split(" -> ").map((m) => m.trim());
  return list.length > 1 && list[0] === list[list.length - 1] ? list.slice(0, -1) : list;
}

const sitesCell = (f: AuditFinding): Html =>
  html`<ul class="sites">${f.sites.map((s) => html`<li><code>${s.line > 0 ? `${s.file}:${s.line}` : s.file}</code> <span class="role">${s.role}</span></li>`)}</ul>`;

const FINDING_COLUMNS: Column<AuditFinding>[] = [
  { name: "Kind", cell: (f) => f.kind, sort: (f) => f.kind },
  { name: "Severity", cell: (f) => f.severity, sort: (f) => f.severity },
  { name: "Subject", cell: (f) => html`<code>${f.subject}</code>`, sort: (f) => f.subject },
  { name: "Sites", cell: sitesCell, sort: (f) => f.sites.length },
  { name: "Finding", cell: (f) => prose(f.message), sort: (f) => f.message },
  {
    name: "Proposal",
    cell: (f) => (f.proposal ? prose(f.proposal.summary) : "–"),
    sort: (f) => f.proposal?.summary ?? "",
  },
];

export function auditSection(audit: AuditResult): Html {
  const cycles = audit.findings.filter((f) => f.kind === "latent-cycle");
  const debt = audit.debt;
  return html`<section id="audit"><h2>Architecture audit</h2>
<p class="debt debt-${debt.level.toLowerCase()}">Debt score <strong>${debt.score}</strong>/100 · <strong>${debt.level}</strong></p>
${sortableTable(
  "debt-breakdown",
  "Debt score breakdown",
  [
    { name: "Term", cell: (t) => t.term, sort: (t) => t.term },
    { name: "Count", cell: (t) => t.count, sort: (t) => t.count },
    { name: "Points", cell: (t) => t.points, sort: (t) => t.points },
  ],
  debt.breakdown,
)}
${cycles.length > 0 && html`<h3>Import cycles</h3>${cycles.map((f, i) => html`<figure class="cycle" data-search><figcaption>${prose(f.message)}</figcaption>${cycleGraph(cycleModules(f), `cycle-${i + 1}`)}</figure>`)}`}
<h3>Findings</h3>
${sortableTable("audit-findings", "Audit findings", FINDING_COLUMNS, audit.findings)}
${
  audit.services.length > 0 &&
  html`<h3>Services</h3>${sortableTable(
    "services",
    "Services",
    [
      { name: "Name", cell: (s) => s.name, sort: (s) => s.name },
      { name: "Kind", cell: (s) => s.kind, sort: (s) => s.kind },
      { name: "Paths", cell: (s) => html`<code>${s.paths.join(", ")}</code>`, sort: (s) => s.paths.join(",") },
      { name: "Inferred", cell: (s) => (s.inferred ? "inferred" : "configured"), sort: (s) => (s.inferred ? 1 : 0) },
    ],
    audit.services,
  )}`
}
${audit.limitations.length > 0 && html`<h3>Limits of the audit</h3><ul>${audit.limitations.map((l) => html`<li>${prose(l)}</li>`)}</ul>`}
</section>`;
}
