// Findings in the compact form a fixture's expected.json holds: kind, subject, and sites as "file:line role module".
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AuditFinding } from "../../../src/analyze/audit/auditFinding.ts";

export interface Compact {
  kind: string;
  subject: string;
  sites: string[];
}

export function compact(findings: AuditFinding[]): Compact[] {
  return findings.map((f) => ({
    kind: f.kind,
    subject: f.subject,
    sites: f.sites.map((s) => `${s.file}:${s.line} ${s.role} ${s.module}`),
  }));
}

export function expected(dir: string): Compact[] {
  return JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Compact[];
}
