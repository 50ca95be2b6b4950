// Import failures of test files, grouped into root causes: one broken statement is one finding however many
// test files it blocks, with the files where it is the reported error, those where it hides, and a suggestion.
import type { ImportFailure } from "../graph/collectionModel.ts";
import type { AnalysisInput } from "./analysisInput.ts";
import { type Analyzer, type AnalyzerContext, findingId } from "./analyzer.ts";
import { blastRadius } from "./blastRadius.ts";
import { cycleSuggestions } from "./cycleSuggestions.ts";
import type { ChainStep, Finding, Suggestion } from "./finding.ts";
import { installSuggestion } from "./installSuggestion.ts";
import { closestModules, nameSuggestions } from "./nameSuggestions.ts";

export function relChain(chain: ChainStep[], rel: (p: string) => string): ChainStep[] {
  return chain.map((s) => ({ ...s, file: rel(s.file) }));
}

export function suggestionsFor(f: ImportFailure, input: AnalysisInput, ctx: AnalyzerContext): Suggestion[] {
  switch (f.kind) {
    case "missing-name":
    case "attribute-error":
      return f.name ? nameSuggestions(ctx.symbols(), f.name, f.module, ctx.rel) : [];
    case "name-error":
      return f.name ? nameSuggestions(ctx.symbols(), f.name, f.module, ctx.rel, true) : [];
    case "missing-module":
      return f.module ? closestModules(ctx.symbols(), f.module) : [];
    case "missing-third-party":
      return f.module ? [installSuggestion(f.module, input.requirements)] : [];
    case "circular-import": {
      let facts = null;
      try {
        facts = input.facts(f.file);
      } catch {}
      return cycleSuggestions(f, facts, f.cycle ?? f.chain, ctx.rel);
    }
    default:
      return [];
  }
}

/** The finding fields that describe the failure itself (shared with conftest-error's `cause`). */
export function failureCore(f: ImportFailure, rel: (p: string) => string): NonNullable<Finding["cause"]> {
  return {
    kind: f.kind,
    category: f.kind === "missing-third-party" ? "environment" : "import",
    severity: f.certainty === "certain" ? "error" : "warning",
    file: rel(f.file),
    line: f.line,
    col: f.col,
    message: f.message,
    exceptionType: f.exceptionType,
    module: f.module,
    name: f.name,
    chain: relChain(f.chain, rel),
    ...(f.cycle ? { cycle: relChain(f.cycle, rel) } : {}),
  };
}

export const importFailures: Analyzer = {
  id: "import-failures",
  description: "test files whose import fails (missing names and modules, cycles, NameError, syntax errors)",
  severity: "error",
  fixable: true,
  run(input, ctx) {
    // The representative chain starts in a file where this is the reported error, when there is one.
    const first = new Map<string, ImportFailure>();
    const fromReported = new Set<string>();
    for (const file of input.model.files) {
      if (file.role !== "test") continue;
      const reported = ctx.resolution.byFile.get(file.path)?.reported;
      for (const f of file.failures) {
        if (f.kind === "import-file-mismatch") continue;
        if (!first.has(f.rootKey)) first.set(f.rootKey, f);
        if (reported === f.rootKey && !fromReported.has(f.rootKey)) {
          first.set(f.rootKey, f);
          fromReported.add(f.rootKey);
        }
      }
    }
    const findings: Finding[] = [];
    for (const [rootKey, f] of first) {
      const core = failureCore(f, ctx.rel);
      findings.push({
        id: findingId(f.kind, core.file, f.line, f.name ?? f.module),
        ...core,
        ...blastRadius(input, ctx.resolution, rootKey),
        suggestions: suggestionsFor(f, input, ctx),
      });
    }
    return findings;
  },
};
