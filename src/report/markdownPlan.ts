// The report's second half: the debt score and the audit's findings, the phased strategy (collection blockers
// first, most tests unblocked first; then architecture; the plan's workstreams), success criteria, next steps.
import { AUDIT_KINDS, type AuditFinding, type AuditResult, type Finding, type ScanResult } from "../analyze/index.ts";
import { code, listing, table } from "./markdownText.ts";
import type { Report } from "./reporter.ts";
import { type Numbered, plural, title } from "./wording.ts";

const MAX_SITES = 4;
const MAX_PROPOSALS = 10;

/** A shell word: quoted only when it needs to be. */
const shellWord = (s: string): string => (/^[\w.:/@=+,-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);

const auditOrder = (a: AuditFinding, b: AuditFinding): number =>
  AUDIT_KINDS.findIndex((k) => k.kind === a.kind) - AUDIT_KINDS.findIndex((k) => k.kind === b.kind) ||
  (a.severity === b.severity ? 0 : a.severity === "warning" ? -1 : 1) ||
  a.subject.localeCompare(b.subject, "en");

export function auditSections(audit: AuditResult | undefined): string[] {
  const out = ["## Technical debt score", ""];
  if (!audit) {
    out.push(
      "Not computed: this report was written without the audit (`remedy audit`), which the score is read from.",
      "",
    );
    return out;
  }
  out.push(
    `**${audit.debt.score}/100: ${audit.debt.level}**`,
    "",
    ...table(
      ["Term", "Count", "Points"],
      "lrr",
      audit.debt.breakdown.map((t) => [t.term, t.count, t.points]),
    ),
    "",
    `## Architecture findings (${audit.findings.length})`,
    "",
  );
  if (audit.findings.length === 0) out.push("None.", "");
  for (const info of AUDIT_KINDS) {
    const group = audit.findings.filter((f) => f.kind === info.kind).sort(auditOrder);
    if (group.length === 0) continue;
    const rows = group.map((f) => {
      const sites = f.sites.slice(0, MAX_SITES).map((s) => `${code(`${s.file}:${s.line}`)} (${s.role})`);
      if (f.sites.length > MAX_SITES) sites.push(`${f.sites.length - MAX_SITES} more`);
      return [code(f.subject), f.severity, f.message, sites.join(", "), f.proposal?.summary ?? ""];
    });
    out.push(`### ${info.label} (${group.length})`, "", info.description, "");
    out.push(...table(["Subject", "Severity", "Finding", "Sites", "Proposal"], "lllll", rows), "");
  }
  return out;
}

/** The tests a root cause's fix unblocks for good: those of the files it blocks where no other error hides. */
function unblocked(f: Finding, scan: ScanResult, hiddenBehind: Map<string, number[]>) {
  const tests = (file: string) => scan.testFiles.find((t) => t.file === file)?.tests ?? 0;
  const free = f.blocks.testFiles.filter((t) => !hiddenBehind.has(t));
  const held = f.blocks.testFiles.filter((t) => hiddenBehind.has(t));
  return { tests: free.reduce((n, t) => n + tests(t), 0), files: free.length, held };
}

/** Phase 1's order: root causes by the tests their fix unblocks for good, then by the tests they block. */
function phaseOneOrder(scan: ScanResult, numbered: Numbered[]) {
  const hiddenBehind = new Map<string, number[]>();
  for (const { f, n } of numbered)
    if (f.severity === "error" && f.hidden)
      for (const t of f.hiddenIn) hiddenBehind.set(t, [...(hiddenBehind.get(t) ?? []), n]);
  const roots = numbered
    .filter(({ f, sameAs }) => f.severity === "error" && !f.hidden && sameAs === null)
    .map((x) => ({ ...x, gain: unblocked(x.f, scan, hiddenBehind) }))
    .sort((a, b) => b.gain.tests - a.gain.tests || b.f.blocks.tests - a.f.blocks.tests || a.n - b.n);
  return { roots, hiddenBehind };
}

function phaseOne(scan: ScanResult, numbered: Numbered[]): string[] {
  const { roots, hiddenBehind } = phaseOneOrder(scan, numbered);
  const out = ["### Phase 1: make collection pass", ""];
  if (roots.length === 0) return [...out, "Nothing blocks collection.", ""];
  out.push("Ordered so that the most tests are unblocked first.", "");
  roots.forEach(({ f, n, gain }, i) => {
    const then = gain.held.map((t) => `${code(t)} then stops at #${hiddenBehind.get(t)!.join(", #")} (hidden)`);
    out.push(
      `${i + 1}. #${n} ${title(f)} (${code(`${f.file}:${f.line}`)}): unblocks ${plural(gain.tests, "test")} in ${plural(gain.files, "test file")}${then.length > 0 ? `; ${listing(then)}` : ""}.`,
    );
  });
  const hidden = numbered.filter(({ f }) => f.severity === "error" && f.hidden);
  if (hidden.length > 0)
    out.push(
      `${roots.length + 1}. Then the hidden errors, as they surface: ${listing(hidden.map(({ f, n }) => `#${n} ${title(f)}`))}.`,
    );
  return [...out, ""];
}

function phaseTwo(report: Report): string[] {
  const out = ["### Phase 2: architecture", ""];
  if (!report.audit)
    return [...out, "No audit in this report: run `remedy audit` for what the errors are symptoms of.", ""];
  const proposals = report.audit.findings
    .filter((f) => f.proposal)
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "warning" ? -1 : 1) || auditOrder(a, b));
  if (proposals.length === 0) return [...out, "The audit proposes no change.", ""];
  out.push("Warnings first, then by kind:", "");
  for (const f of proposals.slice(0, MAX_PROPOSALS))
    out.push(
      `- ${AUDIT_KINDS.find((k) => k.kind === f.kind)!.label} ${code(f.subject)}: ${f.proposal!.summary} (${plural(f.proposal!.changes.length, "change")})`,
    );
  if (proposals.length > MAX_PROPOSALS)
    out.push(`- and ${proposals.length - MAX_PROPOSALS} more (see the architecture findings)`);
  return [...out, ""];
}

function workstreams(report: Report): string[] {
  const plan = report.plan;
  if (!plan) return [];
  const out = [`### Workstreams (${plural(plan.teams, "team")})`, ""];
  out.push("Each workstream owns its files; none edits another's.", "");
  out.push(
    ...table(
      ["Workstream", "Title", "Findings", "Effort (points)", "Unblocks tests", "Files owned"],
      "llrrrl",
      plan.workstreams.map((w) => [
        w.id,
        w.title,
        w.findings.length,
        w.effort,
        w.unblocksTests,
        w.files.map(code).join(", "),
      ]),
    ),
    "",
  );
  for (const w of plan.workstreams)
    out.push(`- **${w.id}**, in order: ${w.order.map((i) => i.title).join("; ") || "nothing"}`);
  return [...out, ""];
}

function success(report: Report, numbered: Numbered[]): string[] {
  const { scan } = report;
  const c = scan.collection;
  const out = [
    "## Success criteria",
    "",
    `- [ ] \`pytest --collect-only\` exits 0 (predicted today: ${scan.pytestExitCode})`,
  ];
  for (const { f, n } of numbered.filter(({ f, sameAs }) => f.severity === "error" && sameAs === null))
    out.push(`- [ ] #${n} (${title(f)}): \`remedy scan --only ${shellWord(f.id)}\` no longer reports it`);
  out.push(
    `- [ ] \`pytest --collect-only -q\` collects ${c.testsLowerBound ? "at least " : ""}${plural(c.tests, "test")} from ${plural(c.testFiles, "test file")}`,
  );
  if (report.audit) {
    const warnings = report.audit.findings.filter((f) => f.severity === "warning").length;
    out.push(
      `- [ ] \`remedy audit\` reports no warning (${warnings} today; debt score ${report.audit.debt.score}, ${report.audit.debt.level})`,
    );
  }
  return [...out, ""];
}

function nextSteps(report: Report, numbered: Numbered[]): string[] {
  const { roots } = phaseOneOrder(report.scan, numbered);
  const steps: string[] = [];
  if (roots.length > 0) {
    const top = roots[0]!;
    steps.push(`Start with #${top.n} ${title(top.f)}: its fix unblocks the most tests (${top.gain.tests}).`);
    steps.push(
      report.plan
        ? `Give each of the ${plural(report.plan.workstreams.length, "workstream")} its brief (\`remedy plan --teams ${report.plan.teams} --briefs DIR\`); they touch disjoint files and can proceed in parallel.`
        : "Split phase 1 into parallel workstreams that touch disjoint files: `remedy plan --teams N`.",
    );
    const hidden = numbered.filter(({ f }) => f.severity === "error" && f.hidden).map(({ n }) => `#${n}`);
    steps.push(
      hidden.length > 0
        ? `After each fix, run \`remedy scan\`: the hidden errors (${listing(hidden)}) appear once the errors before them are gone.`
        : "After each fix, run `remedy scan`: the finding is gone and nothing new appears behind it.",
    );
  }
  steps.push("Confirm with the real pytest: `pytest --collect-only -q`.");
  if (report.audit && report.audit.findings.length > 0)
    steps.push("Then phase 2: the audit's warnings, one proposal at a time.");
  steps.push("Regenerate this report with `remedy report` and commit it beside the fixes.");
  return ["## Next steps", "", ...steps.map((s, i) => `${i + 1}. ${s}`), ""];
}

export function strategySections(report: Report, numbered: Numbered[]): string[] {
  return [
    "## Remediation strategy",
    "",
    ...phaseOne(report.scan, numbered),
    ...phaseTwo(report),
    ...workstreams(report),
    ...success(report, numbered),
    ...nextSteps(report, numbered),
  ];
}
