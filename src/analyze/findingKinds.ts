// The documentation of every finding kind, read from the registry's analyzers (each kind file carries its own):
// what `remedy rules` prints, the terminal labels, SARIF's rules. test/analyze/findingKinds.test.ts fails when the
// JSON schema's enums drift from it (`npm run schema:scan` rewrites them).
import type { KindDocumentation } from "./analyzer.ts";
import { ANALYZERS } from "./analyzerRegistry.ts";
import type { FindingKind } from "./finding.ts";

export interface FindingKindInfo extends KindDocumentation {
  kind: FindingKind;
}

export const FINDING_KINDS: readonly FindingKindInfo[] = ANALYZERS.map((a) => ({
  kind: a.kind,
  label: a.label,
  category: a.category,
  severity: a.severity,
  fixable: a.fixable,
  whatItIs: a.whatItIs,
  whyItMatters: a.whyItMatters,
  example: a.example,
}));

const LABELS = new Map(FINDING_KINDS.map((k) => [k.kind, k.label]));

/** The label of `kind` (terminal report). */
export function kindLabel(kind: FindingKind): string {
  return LABELS.get(kind)!;
}
