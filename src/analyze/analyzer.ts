// The shape of an analyzer: one finding kind, its documentation (ruff's "what it is / why it matters / example") and
// the `run` that reports it, all in one file under src/analyze/kinds/ that the registry lists. `run` is pure: it
// reads the input and the shared reported failures (which root cause pytest reports per file) and returns findings
// of its own kind; it never writes. `remedy rules`, the terminal labels, SARIF's rules and the JSON schema's enum
// read the documentation from the registry (findingKinds.ts).
import type { AnalysisInput } from "./analysisInput.ts";
import type { Category, FindingOf } from "./findingFields.ts";
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

/** What a person needs to read a finding of one kind. */
export interface KindDocumentation {
  /** As the terminal report names it ("missing name `X`"). */
  label: string;
  /** The category its findings usually have (config-error and conftest-error take their cause's). */
  category: Category;
  /** Its findings' level when remedy is certain (SARIF's default level); an uncertain one is a warning. */
  severity: "error" | "warning";
  /** A codemod is planned (issue "remedy fix"): the fix is mechanical when remedy is certain of it. */
  fixable: boolean;
  whatItIs: string;
  whyItMatters: string;
  /** A minimal case, as Python source or configuration (lines joined with \n). */
  example: string;
}

export interface Analyzer<K extends string = string> extends KindDocumentation {
  /** The finding kind, kebab-case: the findings' `kind`, the key of `remedy rules KIND`. */
  kind: K;
  run(input: AnalysisInput, context: AnalyzerContext): FindingOf<K>[];
}

export function findingId(kind: string, file: string, line: number, name: string | null): string {
  return `${kind}:${file}:${line}${name ? `:${name}` : ""}`;
}
