// The technical-debt score, 0 (none) to 100, from what a scan and an audit found. The formula, also in the README:
//
//   blocked tests      40 x (blocked test files / test files)                 blast radius, the heaviest term
//   collection errors   4 per error pytest reports today, at most 30          one root cause counts once
//   hidden errors       1 per error hidden behind another, at most 10         they surface after the first fixes
//   possible errors   0.5 per possible (warning) finding, at most 5
//   <audit kind>        per finding, warning / info, at most 10 per kind:
//                         latent-cycle 3 / 1, boundary-violation 1 / 0.25, duplicate-definition 1 / 0.5,
//                         split-consumers 2 / 1, shim 0.5 / 0.25, duplicate-factory 1 / 0.5
//   score = min(100, round(sum of the terms)); LOW < 25 <= MEDIUM < 50 <= HIGH < 75 <= CRITICAL
//
// Each term is capped so that many findings of one cheap kind cannot outweigh what blocks tests. Pure and
// deterministic: the same findings and totals always give the same score and breakdown (terms in this order).
import type { Finding } from "../finding.ts";
import type { CollectionTotals } from "../scanResult.ts";
import type { AuditFinding, AuditKind, DebtLevel, DebtScore } from "./auditFinding.ts";

/** Points per audit finding, by severity, and the cap of each kind's term. */
const AUDIT_WEIGHTS: Record<AuditKind, { warning: number; info: number }> = {
  "latent-cycle": { warning: 3, info: 1 },
  "boundary-violation": { warning: 1, info: 0.25 },
  "duplicate-definition": { warning: 1, info: 0.5 },
  "split-consumers": { warning: 2, info: 1 },
  shim: { warning: 0.5, info: 0.25 },
  "duplicate-factory": { warning: 1, info: 0.5 },
};
const AUDIT_CAP = 10;

/** One decimal, so the breakdown reads cleanly and sums the same way everywhere. */
const round1 = (n: number) => Math.round(n * 10) / 10;

export function debtLevel(score: number): DebtLevel {
  return score < 25 ? "LOW" : score < 50 ? "MEDIUM" : score < 75 ? "HIGH" : "CRITICAL";
}

export function debtScore(scan: Finding[], audit: AuditFinding[], totals: CollectionTotals): DebtScore {
  const errors = scan.filter((f) => f.severity === "error");
  const shown = errors.filter((f) => !f.hidden).length;
  const hidden = errors.length - shown;
  const possible = scan.length - errors.length;
  const share = totals.testFiles > 0 ? totals.blockedTestFiles / totals.testFiles : 0;
  const breakdown: DebtScore["breakdown"] = [
    { term: "blocked test files", count: totals.blockedTestFiles, points: round1(40 * share) },
    { term: "collection errors", count: shown, points: Math.min(30, 4 * shown) },
    { term: "hidden errors", count: hidden, points: Math.min(10, hidden) },
    { term: "possible errors", count: possible, points: round1(Math.min(5, 0.5 * possible)) },
  ];
  for (const kind of Object.keys(AUDIT_WEIGHTS) as AuditKind[]) {
    const of = audit.filter((f) => f.kind === kind);
    const raw = of.reduce((sum, f) => sum + AUDIT_WEIGHTS[kind][f.severity], 0);
    breakdown.push({ term: kind, count: of.length, points: round1(Math.min(AUDIT_CAP, raw)) });
  }
  const score = Math.min(100, Math.round(breakdown.reduce((sum, t) => sum + t.points, 0)));
  return { score, level: debtLevel(score), breakdown };
}
