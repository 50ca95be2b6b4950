// The shape every analyzer has: a small object the registry lists. `run` is pure: it reads the input and the
// shared reported failures (which root cause pytest reports per file) and returns findings; it never writes.
import type { AnalysisInput } from "./analysisInput.ts";
import type { Finding } from "./finding.ts";
import type { ReportedFailures } from "./reportedFailures.ts";
import type { SymbolIndex } from "./symbolIndex.ts";

export interface AnalyzerContext {
  /** Which root cause pytest reports for each test file (computed once for all analyzers). */
  reportedFailures: ReportedFailures;
  /** First-party definitions and imports, built on first use. */
  symbols(): SymbolIndex;
  /** Repository-relative path with forward slashes. */
  rel(path: string): string;
}

export interface Analyzer {
  id: string;
  description: string;
  severity: "error" | "warning";
  fixable: boolean;
  run(input: AnalysisInput, context: AnalyzerContext): Finding[];
}

export function findingId(kind: string, file: string, line: number, name: string | null): string {
  return `${kind}:${file}:${line}${name ? `:${name}` : ""}`;
}
