// Every audit analyzer, in report order, and running them. Adding one is one line here.
import type { AuditFinding } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { boundaryViolations } from "./boundaryViolations.ts";
import { duplicateDefinitions } from "./duplicateDefinitions.ts";
import { duplicateFactories } from "./duplicateFactories.ts";
import { latentCycles } from "./latentCycles.ts";
import { shims } from "./shims.ts";
import { splitConsumers } from "./splitConsumers.ts";

export type AuditAnalyzer = (input: AuditInput) => AuditFinding[];

export const AUDIT_ANALYZERS: readonly AuditAnalyzer[] = [
  duplicateDefinitions,
  splitConsumers,
  shims,
  duplicateFactories,
  boundaryViolations,
  latentCycles,
];

/** Every finding, sorted by kind then subject (the same input gives the same order). */
export function runAudit(input: AuditInput): AuditFinding[] {
  return AUDIT_ANALYZERS.flatMap((run) => run(input)).sort(
    (a, b) => cmp(a.kind, b.kind) || cmp(a.subject, b.subject) || cmp(a.id, b.id),
  );
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
