// The structure analyzers of `remedy audit` (boundary-violation, latent-cycle): listed here for the audit
// registry (src/analyze/audit/registry.ts) to include. Each reads the AuditInput and returns findings; pure.
import type { AuditFinding, AuditKind } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { boundaryViolations } from "./boundaryViolations.ts";
import { latentCycles } from "./latentCycles.ts";

export interface StructureAnalyzer {
  kind: AuditKind;
  description: string;
  run(input: AuditInput): AuditFinding[];
}

export const STRUCTURE_ANALYZERS: readonly StructureAnalyzer[] = [
  {
    kind: "boundary-violation",
    description:
      "An import a contract of [tool.remedy] forbids, or one service importing another (configured or inferred).",
    run: boundaryViolations,
  },
  {
    kind: "latent-cycle",
    description:
      "Modules that import one another at import time: each cycle, whether it fails today, and the import to move.",
    run: latentCycles,
  },
];
