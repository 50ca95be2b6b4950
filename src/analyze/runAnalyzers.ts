// Runs the registered analyzers over one analysis input: resolves once which error pytest reports for each test
// file, hands that to every analyzer, and orders the findings (blocking first, then by blast radius).
import type { AnalysisInput } from "./analysisInput.ts";
import type { Analyzer, AnalyzerContext } from "./analyzer.ts";
import { relPath } from "./areas.ts";
import type { Finding } from "./finding.ts";
import { ANALYZERS } from "./registry.ts";
import { type Resolution, resolveReportedFailures } from "./reportedFailures.ts";
import { buildSymbolIndex, type SymbolIndex } from "./symbolIndex.ts";

export interface AnalysisResult {
  findings: Finding[];
  resolution: Resolution;
}

export function runAnalyzers(input: AnalysisInput, analyzers: readonly Analyzer[] = ANALYZERS): AnalysisResult {
  const resolution = resolveReportedFailures(input);
  let symbols: SymbolIndex | null = null;
  const context: AnalyzerContext = {
    resolution,
    symbols: () => (symbols ??= buildSymbolIndex(input)),
    rel: (p) => relPath(input.session.rootdir, p),
  };
  const findings = analyzers.flatMap((a) => a.run(input, context));
  const rank = (f: Finding): number => (f.severity === "error" ? 0 : 1) + (f.hidden ? 2 : 0);
  findings.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      b.blocks.testFiles.length - a.blocks.testFiles.length ||
      (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line),
  );
  return { findings, resolution };
}
