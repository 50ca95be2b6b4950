// Runs the registered analyzers over one analysis input: resolves once which error pytest reports for each test
// file, hands that to every analyzer, and orders the findings (blocking first, then by blast radius).
import type { AnalysisInput } from "./analysisInput.ts";
import type { Analyzer, AnalyzerContext } from "./analyzer.ts";
import { ANALYZERS } from "./analyzerRegistry.ts";
import { relPath } from "./areas.ts";
import type { Finding, FindingKind } from "./finding.ts";
import { type ReportedFailures, resolveReportedFailures } from "./reportedFailures.ts";
import { buildSymbolIndex, type SymbolIndex } from "./symbolIndex.ts";

export interface AnalysisResult {
  findings: Finding[];
  reportedFailures: ReportedFailures;
  /** What the findings leave out, in sentences (for the scan's limitations). */
  limitations: string[];
}

/** A module that is not installed, imported only under a condition remedy cannot decide, is an optional dependency
 *  (`if HAS_LARK: from lark import Tree`): pytest meets it only where the condition holds, which on real code it
 *  almost never does. One limitation line names them all, instead of a possible finding each. */
function optionalImports(findings: Finding[]): { kept: Finding[]; limitation: string | null } {
  const optional = findings.filter(
    (f) => (f.cause?.kind ?? f.kind) === "missing-third-party" && f.severity === "warning" && f.condition !== undefined,
  );
  if (optional.length === 0) return { kept: findings, limitation: null };
  const shown = optional
    .slice(0, 5)
    .map((f) => `${(f.cause ?? f).module ?? "?"} (${(f.cause ?? f).file}:${(f.cause ?? f).line})`);
  const more = optional.length > 5 ? ` and ${optional.length - 5} more` : "";
  return {
    kept: findings.filter((f) => !optional.includes(f)),
    limitation: `${optional.length} import${optional.length === 1 ? "" : "s"} of modules that are not installed, each under a condition remedy cannot decide, taken as optional dependencies (not reported): ${shown.join(", ")}${more}`,
  };
}

export function runAnalyzers(
  input: AnalysisInput,
  analyzers: readonly Analyzer<FindingKind>[] = ANALYZERS,
): AnalysisResult {
  const reportedFailures = resolveReportedFailures(input);
  let symbols: SymbolIndex | null = null;
  const context: AnalyzerContext = {
    reportedFailures,
    symbols: () => (symbols ??= buildSymbolIndex(input)),
    rel: (p) => relPath(input.session.rootdir, p),
  };
  const { kept: findings, limitation } = optionalImports(analyzers.flatMap((a) => a.run(input, context)));
  const rank = (f: Finding): number => (f.severity === "error" ? 0 : 1) + (f.hidden ? 2 : 0);
  findings.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.blocks.testFiles.length - a.blocks.testFiles.length ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
  );
  return { findings, reportedFailures, limitations: limitation ? [limitation] : [] };
}
