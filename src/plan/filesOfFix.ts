// Which files a finding's fix edits: what the plan partitions on, so that two workstreams never edit one file.
// An estimate from the finding alone (the fix itself is a person's or `remedy fix`'s): the import statement's file
// for an import failure, the config file for a marker, every file of a cycle, an audit proposal's changes.
import type { AuditFinding, Finding, ScanResult } from "../analyze/index.ts";

const sorted = (files: Iterable<string>): string[] => [...new Set(files)].sort();

type FixedFinding = Omit<Finding, "cause" | "blocks" | "hiddenIn" | "hidden" | "id" | "suggestions"> &
  Partial<Pick<Finding, "suggestions" | "cause">>;

/** Files a collection finding's fix edits (repository-relative, sorted). Empty when the fix edits no file of the
 *  repository (a third-party module: install it). */
export function filesOfFix(finding: FixedFinding, scan: Pick<ScanResult, "configfile">): string[] {
  const suggestions = finding.suggestions ?? [];
  switch (finding.kind) {
    case "unknown-marker": {
      // A misspelt parametrize is corrected where it is used; a marker is registered in the config file, which
      // every marker finding shares (so all of them land in one workstream).
      const register = suggestions.find((s) => s.kind === "register-marker");
      if (!register) return [finding.file];
      const named = register.data?.configfile;
      return [typeof named === "string" ? named : (scan.configfile ?? "pytest.ini")];
    }
    case "config-error":
      // The file is the config line at fault, or the module shadowing the stdlib; none without a config file.
      return finding.file.startsWith("(") ? [] : [finding.file];
    case "missing-third-party":
      // Installing edits no file; a distribution no requirements file declares is declared in a file remedy
      // cannot name. Every such finding is one environment task (fixGroups.ts joins them).
      return [];
    case "conftest-error":
      // The conftest is only where the failure surfaces: the fix is its cause's.
      return finding.cause ? filesOfFix({ ...finding.cause, suggestions }, scan) : [finding.file];
    case "circular-import":
      return sorted([finding.file, ...(finding.cycle ?? []).map((s) => s.file)]);
    default:
      // An import statement (every site of one root cause), a NameError's or AttributeError's read, a syntax error.
      // A "relocated" suggestion changes the importers only: the definition's file stays as it is.
      return sorted(finding.sites?.map((s) => s.file) ?? [finding.file]);
  }
}

/** Files an audit finding's proposal edits: its changes, else the importing sites, else every site. */
export function filesOfAuditFix(finding: Pick<AuditFinding, "sites" | "proposal">): string[] {
  const changes = finding.proposal?.changes ?? [];
  if (changes.length > 0) return sorted(changes.map((c) => c.file));
  const importers = finding.sites.filter((s) => s.role === "importer");
  return sorted((importers.length > 0 ? importers : finding.sites).map((s) => s.file));
}
