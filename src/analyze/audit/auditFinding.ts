// An audit finding: something a collection error is usually a symptom of (a concept defined twice, an import that
// crosses a service boundary, a cycle that has not failed yet). Lower in severity than a collection error and kept
// apart from them: `remedy audit` and the report's architecture section print these, `remedy scan` only with
// --audit. The JSON schema of the report (schema/report.schema.json, its audit $defs) mirrors this file.

export type AuditKind =
  | "duplicate-definition"
  | "split-consumers"
  | "shim"
  | "duplicate-factory"
  | "boundary-violation"
  | "latent-cycle";

/** One place the finding is about: a definition, an importing statement, an edge of a cycle. */
export interface AuditSite {
  /** Repository-relative, forward slashes. */
  file: string;
  line: number;
  /** The dotted module the file is (or the module an import names, for an import site). */
  module: string;
  /** What this site is in the finding: "definition", "importer", "re-export", "factory", "import", "cycle-edge". */
  role: string;
}

/** One textual change the proposal implies (a fix in words, for the plan and the report; `remedy fix` owns edits). */
export interface ProposedChange {
  file: string;
  line: number;
  /** What is written there now (`from a.b import X`) and what it would become (`from c.d import X`). */
  from: string;
  to: string;
}

export interface AuditProposal {
  /** One sentence a person can act on. */
  summary: string;
  /** The module proposed as the single home (SSOT kinds), or null. */
  canonical: string | null;
  changes: ProposedChange[];
}

export interface AuditFinding {
  /** Stable across runs and line moves: `${kind}:${subject}`. */
  id: string;
  kind: AuditKind;
  /** "warning": worth fixing; "info": worth knowing (a shim, a cycle that cannot fail today). */
  severity: "warning" | "info";
  /** What the finding is about: the concept name, `contract:from->to`, or the cycle's modules joined by " -> ". */
  subject: string;
  /** One sentence. */
  message: string;
  sites: AuditSite[];
  proposal: AuditProposal | null;
  /** Kind-specific detail (similarity of definitions, the contract, the cycle's entry points ...); JSON values only. */
  detail: Record<string, unknown>;
}

export type DebtLevel = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

/** The technical-debt score: 0 (none) to 100, from collection and audit findings (formula in debtScore.ts and the
 *  README). The same findings always give the same score. */
export interface DebtScore {
  score: number;
  level: DebtLevel;
  /** Each term of the formula: what it counts, how many, the points it adds (before the cap at 100). */
  breakdown: { term: string; count: number; points: number }[];
}

/** A service or shared package, as configured in [tool.remedy] or inferred. */
export interface ServiceInfo {
  name: string;
  /** Repository-relative directories (forward slashes) whose modules belong to it. */
  paths: string[];
  kind: "service" | "shared";
  /** True when remedy inferred it (no configuration). */
  inferred: boolean;
}

export interface AuditResult {
  schemaVersion: 1;
  /** pytest's rootdir (absolute); every path is relative to it. */
  rootdir: string;
  findings: AuditFinding[];
  services: ServiceInfo[];
  debt: DebtScore;
  /** What the audit could not decide, in sentences. */
  limitations: string[];
}
