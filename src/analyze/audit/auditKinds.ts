// Every kind of audit finding with its label and a short description: the audit's half of the rule registry
// (findingKinds.ts is the collection half). SARIF's rules, the report's audit tables and `remedy rules` read it.
import type { AuditKind } from "./auditFinding.ts";

export interface AuditKindInfo {
  kind: AuditKind;
  /** As a report's table heading names it. */
  label: string;
  /** What it is and why it matters, in a sentence or two. */
  description: string;
}

// A record, so that the compiler fails when an AuditKind has no entry.
const KINDS: Record<AuditKind, Omit<AuditKindInfo, "kind">> = {
  "duplicate-definition": {
    label: "duplicate definition",
    description:
      "The same class, enum, function or constant name is defined in several first-party modules: importers drift apart, and a rename in one copy breaks the importers of the other.",
  },
  "split-consumers": {
    label: "split consumers",
    description:
      "The importers of one concept are divided between two of its definitions: the usual cause of `cannot import name X` from the module that used to have it.",
  },
  shim: {
    label: "re-export shim",
    description:
      "A module that only re-exports names from elsewhere (or a re-export chain longer than one hop): it hides where a name lives and keeps old import paths alive.",
  },
  "duplicate-factory": {
    label: "duplicate factory",
    description:
      "Several factories (`get_X`, `create_X`) return the same class: callers pick different ones, and one of them is renamed or removed.",
  },
  "boundary-violation": {
    label: "service boundary violation",
    description:
      "An import that crosses a service boundary a contract forbids (independent services, layers, forbidden or non-public modules).",
  },
  "latent-cycle": {
    label: "import cycle",
    description:
      "Modules that import each other at module level: whether it fails depends on which is imported first, so it breaks collection when tests are added or reordered.",
  },
};

export const AUDIT_KINDS: readonly AuditKindInfo[] = Object.entries(KINDS).map(([kind, info]) => ({
  kind: kind as AuditKind,
  ...info,
}));

/** The label of `kind` (report tables). */
export function auditKindLabel(kind: AuditKind): string {
  return KINDS[kind].label;
}
