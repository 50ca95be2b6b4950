// The effort model the plan balances workstreams with: points per finding kind, 1 point ~ half an hour of a person
// who knows Python but not this repository. The values are judgements, written down so that they can be argued
// with; each says why. Deterministic: the same finding always costs the same points (rounded to quarter points).
import { type AuditFinding, type AuditKind, FINDING_KINDS, type Finding, type FindingKind } from "../analyze/index.ts";

interface EffortRule {
  /** The fixed part: reading the finding, making the change, re-running the scan. */
  base: number;
  why: string;
}

/** Partial, so that a new finding kind (one analyzer file) needs no entry here: it costs UNJUDGED until someone
 *  writes down its rule. */
const COLLECTION: Partial<Record<FindingKind, EffortRule>> = {
  "unknown-marker": {
    base: 1,
    why: "one line under `markers =` in the config file (or a typo of parametrize corrected): the suggestion names the line",
  },
  "missing-name": {
    base: 1,
    why: "with a known home (relocated, renamed) each import site is a one-line edit: 1 + sites/4; with none (the name is gone) 3 + sites/4, since someone must restore or redefine it",
  },
  "missing-module": {
    base: 1,
    why: "as missing-name: 1 + sites/4 when remedy names where the module went, 3 + sites/4 when it must be restored",
  },
  "missing-third-party": {
    base: 1,
    why: "install the distribution and declare it in the requirements: no code changes",
  },
  "circular-import": {
    base: 5,
    why: "breaking a cycle means choosing which import to defer or which definition to move and checking that nothing reads the name at import time: the most judgement of any kind",
  },
  "name-error": {
    base: 2,
    why: "a name not bound on every path: read the module-level control flow, bind it or guard the read",
  },
  "attribute-error": {
    base: 2,
    why: "a module attribute that is not there (often after an upgrade): find the replacement API or pin the version",
  },
  "syntax-error": {
    base: 1,
    why: "one statement rewritten for the interpreter's version, or the interpreter changed",
  },
  "conftest-error": {
    base: 1,
    why: "the fix is its cause's (costed as the cause's kind); this base is used only when the cause is unknown",
  },
  "import-file-mismatch": {
    base: 1,
    why: "rename one test file or add __init__.py files: mechanical once chosen",
  },
  "config-error": {
    base: 1,
    why: "one line of configuration removed or corrected, or one plugin installed",
  },
  "parametrize-error": {
    base: 1,
    why: "one parametrize value completed or wrapped in a tuple",
  },
};

const AUDIT: Record<AuditKind, EffortRule> = {
  "duplicate-definition": {
    base: 3,
    why: "merging two definitions of a concept needs the differences reconciled: 3 + importers/5 for repointing every importer",
  },
  "split-consumers": {
    base: 2,
    why: "the importers of one concept moved to its canonical home: 2 + changes/5",
  },
  shim: {
    base: 1,
    why: "a module that only re-exports: repoint its importers and delete it, 1 + changes/5",
  },
  "duplicate-factory": {
    base: 2,
    why: "several factories of one class reduced to one: 2 + changes/5 for the callers",
  },
  "boundary-violation": {
    base: 2,
    why: "an import across a service boundary replaced by the other service's public API or a shared package",
  },
  "latent-cycle": {
    base: 3,
    why: "a cycle that does not fail yet: one edge to remove (the proposal names it), less urgent and smaller than a failing one",
  },
};

/** A kind nobody has judged yet: one point, as most one-statement fixes. */
const UNJUDGED: EffortRule = {
  base: 1,
  why: "no rule written for this kind yet (src/plan/estimatedEffort.ts): one point, as most one-statement fixes",
};

const collectionRule = (kind: FindingKind): EffortRule => COLLECTION[kind] ?? UNJUDGED;

/** Every kind's rule: the judged ones in the order written above, then the unjudged. */
const RULES: [string, EffortRule][] = [
  ...Object.entries(COLLECTION),
  ...FINDING_KINDS.filter(({ kind }) => COLLECTION[kind] === undefined).map(({ kind }): [string, EffortRule] => [
    kind,
    UNJUDGED,
  ]),
  ...Object.entries(AUDIT),
];

/** A possible finding (severity warning): checking whether its condition holds is what the plan costs. */
const POSSIBLE = { base: 1, why: "check whether the condition holds once the stream's errors are fixed" };

/** Base points per kind, as the plan reports them (`Plan.effortModel`). */
export const EFFORT_MODEL: Readonly<Record<FindingKind | AuditKind, number>> = Object.fromEntries(
  RULES.map(([kind, rule]) => [kind, rule.base]),
) as Record<FindingKind | AuditKind, number>;

/** Why each kind costs what it does (for `remedy plan` and the README). */
export const EFFORT_REASONS: Readonly<Record<string, string>> = Object.fromEntries([
  ...RULES.map(([kind, rule]) => [kind, rule.why]),
  ["possible", POSSIBLE.why],
]);

const quarter = (x: number): number => Math.round(x * 4) / 4;

type Costed = Pick<Finding, "kind" | "severity" | "sites" | "suggestions"> & { cause?: Pick<Finding, "kind"> };

/** Points for a collection finding. */
export function findingEffort(finding: Costed): number {
  if (finding.severity === "warning") return POSSIBLE.base;
  const kind = finding.kind === "conftest-error" && finding.cause ? finding.cause.kind : finding.kind;
  const sites = finding.sites?.length ?? 1;
  switch (kind) {
    case "missing-name":
    case "missing-module": {
      const known = finding.suggestions.some((s) => ["relocated", "renamed", "closest-module"].includes(s.kind));
      return quarter((known ? 1 : 3) + sites / 4);
    }
    default:
      return collectionRule(kind).base;
  }
}

/** Points for an audit finding: the kind's base plus the importers its proposal repoints. */
export function auditEffort(finding: Pick<AuditFinding, "kind" | "sites" | "proposal">): number {
  const changes = finding.proposal?.changes.length ?? finding.sites.filter((s) => s.role === "importer").length;
  switch (finding.kind) {
    case "duplicate-definition":
    case "split-consumers":
    case "shim":
    case "duplicate-factory":
      return quarter(AUDIT[finding.kind].base + changes / 5);
    default:
      return AUDIT[finding.kind].base;
  }
}
