// `remedy audit`'s terminal output: the debt score, then each architecture finding with its sites and proposal,
// grouped by kind in the registry's order. Text only; the CLI prints it.
import { AUDIT_KINDS, type AuditFinding, type AuditResult } from "../analyze/index.ts";
import { plural } from "./wording.ts";

const SITES_SHOWN = 8;

function findingLines(f: AuditFinding): string[] {
  const mark = f.severity === "warning" ? "!" : "·";
  const lines = [`${mark} ${f.subject}`, `    ${f.message}`];
  for (const s of f.sites.slice(0, SITES_SHOWN)) lines.push(`    ${s.file}:${s.line}  ${s.role}  ${s.module}`);
  if (f.sites.length > SITES_SHOWN) lines.push(`    … and ${f.sites.length - SITES_SHOWN} more sites`);
  if (f.proposal) lines.push(`    proposal: ${f.proposal.summary}`);
  lines.push(`    id: ${f.id}`);
  return lines;
}

export function auditText(audit: AuditResult): string {
  const out: string[] = [];
  const { debt } = audit;
  out.push(`remedy audit: ${audit.rootdir}`);
  out.push(`debt score ${debt.score}/100 (${debt.level})`);
  for (const t of debt.breakdown.filter((b) => b.points > 0)) out.push(`  ${t.term}: ${t.count} → ${t.points} points`);
  if (audit.services.length > 0) {
    const inferred = audit.services.some((s) => s.inferred) ? " (inferred)" : "";
    out.push(`services${inferred}: ${audit.services.map((s) => `${s.name} [${s.kind}]`).join(", ")}`);
  }
  out.push("");
  for (const kind of AUDIT_KINDS) {
    const of = audit.findings.filter((f) => f.kind === kind.kind);
    if (of.length === 0) continue;
    out.push(`${kind.label} (${of.length})`);
    for (const f of of) out.push(...findingLines(f));
    out.push("");
  }
  if (audit.findings.length === 0) out.push("no architecture findings", "");
  const counts = AUDIT_KINDS.map((k) => [k.label, audit.findings.filter((f) => f.kind === k.kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([label, n]) => `${n} ${label}`);
  out.push(`${plural(audit.findings.length, "finding")}${counts.length > 0 ? `: ${counts.join(", ")}` : ""}`);
  for (const l of audit.limitations) out.push(`note: ${l}`);
  return `${out.join("\n")}\n`;
}
