// One line of remedy's history: what a scan, verify or check found, reduced to the figures a trend is drawn from
// (counts per kind, blocked test files, the debt score, pytest's counts). Built here from the results' own types;
// src/scan/history.ts keeps the records in .remedy/history.sqlite and src/report/historyText.ts prints them.
import type { AuditResult, DebtLevel } from "./audit/auditFinding.ts";
import type { ScanResult } from "./scanResult.ts";

export type RunCommand = "scan" | "verify" | "check";

export interface RunRecord {
  command: RunCommand;
  /** ISO 8601, UTC. */
  time: string;
  /** `git rev-parse HEAD` of the repository, or null (not a git repository, or git missing). */
  commit: string | null;
  /** Collection findings (hidden ones included; null when no scan ran) and how many of each kind, audit kinds too
   *  when the audit ran. */
  findings: number | null;
  kinds: Record<string, number>;
  /** Test files pytest collects, and how many of them an error blocks (remedy's prediction); null for verify. */
  testFiles: number | null;
  blockedTestFiles: number | null;
  /** Audit findings and the debt score, when the audit ran; null otherwise. */
  auditFindings: number | null;
  debt: { score: number; level: DebtLevel } | null;
  /** What the real pytest reported (remedy verify): items collected, collection errors, and with --run the tests'
   *  outcomes; null when pytest did not run. */
  pytest: { collected: number; errors: number; passed?: number; failed?: number; skipped?: number } | null;
  /** remedy check: findings not in the baseline, baseline entries fixed, findings it knows; null otherwise. */
  check: { new: number; fixed: number; known: number } | null;
  durationMs: number;
}

export interface RunFigures {
  scan?: ScanResult;
  audit?: AuditResult;
  pytest?: RunRecord["pytest"];
  check?: RunRecord["check"];
  durationMs?: number;
}

/** The record of one run (time and commit from the caller: this stage reads no clock and runs no git). */
export function runRecordOf(command: RunCommand, figures: RunFigures, time: string, commit: string | null): RunRecord {
  const { scan, audit } = figures;
  const kinds: Record<string, number> = {};
  for (const f of [...(scan?.findings ?? []), ...(audit?.findings ?? [])]) kinds[f.kind] = (kinds[f.kind] ?? 0) + 1;
  return {
    command,
    time,
    commit,
    findings: scan?.findings.length ?? null,
    kinds: Object.fromEntries(Object.entries(kinds).sort(([a], [b]) => a.localeCompare(b))),
    testFiles: scan?.collection.testFiles ?? null,
    blockedTestFiles: scan?.collection.blockedTestFiles ?? null,
    auditFindings: audit?.findings.length ?? null,
    debt: audit ? { score: audit.debt.score, level: audit.debt.level } : null,
    pytest: figures.pytest ?? null,
    check: figures.check ?? null,
    durationMs: figures.durationMs ?? scan?.durationMs ?? 0,
  };
}
