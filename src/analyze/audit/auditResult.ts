// The audit's answer: every architecture finding, the services it judged them by, and the debt score that weighs
// them together with the scan's collection findings.

import type { Finding } from "../finding.ts";
import type { CollectionTotals } from "../scanResult.ts";
import type { AuditResult } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { runAudit } from "./auditRegistry.ts";
import { debtScore } from "./debtScore.ts";
import { servicesOf } from "./services.ts";

export function buildAuditResult(
  input: AuditInput,
  scan: { findings: Finding[]; collection: CollectionTotals },
): AuditResult {
  const findings = runAudit(input);
  const services = servicesOf(input);
  const limitations: string[] = [];
  if (services.some((s) => s.inferred))
    limitations.push(
      "services were inferred from the layout (packages with their own tests or deployment files); name them in [tool.remedy] services to decide",
    );
  return {
    schemaVersion: 1,
    rootdir: input.analysis.session.rootdir,
    findings,
    services,
    debt: debtScore(scan.findings, findings, scan.collection),
    limitations,
  };
}
