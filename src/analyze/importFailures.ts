// Import failures of test files, grouped into root causes: one broken statement is one finding however many
// test files it blocks, with the files where it is the reported error, those where it hides, and a suggestion.
// The kind files of the model's failure kinds (src/analyze/kinds/missingName.ts, ...) each call
// importFailureFindings for their kind: the grouping, the blast radius and the suggestions live here once.
import type { FailureKind, ImportFailure } from "../graph/index.ts";
import type { AnalysisInput } from "./analysisInput.ts";
import { type AnalyzerContext, findingId } from "./analyzer.ts";
import { blastRadius } from "./blastRadius.ts";
import { cycleSuggestions } from "./cycleSuggestions.ts";
import { editDistance, isSimilarName } from "./editDistance.ts";
import type { ChainStep, FailureCause, FindingOf, Suggestion } from "./findingFields.ts";
import { installSuggestion } from "./installSuggestion.ts";
import { closestModules, nameSuggestions } from "./nameSuggestions.ts";

/** One root cause per missing thing: every import of the same missing name (or module) has the same fix, however
 *  many statements ask for it. Other failures are one root cause per broken statement. */
export function causeKey(f: ImportFailure): string {
  switch (f.kind) {
    case "missing-name":
    case "attribute-error":
      return `${f.kind}|${f.module}|${f.name}`;
    case "missing-module":
    case "missing-third-party":
      return `${f.kind}|${f.module}`;
    default:
      return f.rootKey;
  }
}

export function relChain(chain: ChainStep[], rel: (p: string) => string): ChainStep[] {
  return chain.map((s) => ({ ...s, file: rel(s.file) }));
}

export function suggestionsFor(f: ImportFailure, input: AnalysisInput, ctx: AnalyzerContext): Suggestion[] {
  switch (f.kind) {
    case "missing-name":
    case "attribute-error":
      if (f.installed && f.name && f.module) return installedNameSuggestions(f.name, f.module, f.installed, input, ctx);
      return f.name ? missingNameSuggestions(f.name, f.module, ctx) : [];
    case "name-error":
      return f.name ? nameSuggestions(ctx.symbols(), f.name, f.module, ctx.rel, true) : [];
    case "missing-module":
      return f.module ? missingModuleSuggestions(f, input, ctx) : [];
    case "missing-third-party":
      if (f.installed && f.module) return [installedSubmoduleSuggestion(f.module, f.installed, input, ctx)];
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

/** A name the installed version of a package lacks (src/graph/installedNames.ts): which version is installed,
 *  names of that module that look like a rename, then first-party modules that define the name. */
function installedNameSuggestions(
  name: string,
  module: string,
  installed: NonNullable<ImportFailure["installed"]>,
  input: AnalysisInput,
  ctx: AnalyzerContext,
): Suggestion[] {
  const { distribution, version, file } = installed;
  const where = file.startsWith(`${input.session.rootdir}/`) ? ctx.rel(file) : file;
  const dist = distribution ?? (module.split(".")[0] as string);
  const which = version ? `${dist} ${version}` : `${dist} (version unknown)`;
  const out: Suggestion[] = [
    {
      kind: "removed",
      message: `${which} installed: \`${name}\` is not defined in \`${module}\` (${where}); if an upgrade removed it, pin \`${dist}\` to a version that has it, or stop importing it`,
      data: { distribution: dist, version, module, name, file: where },
    },
  ];
  let names: string[] = [];
  try {
    names = [...new Set(input.facts(file).bindings.map((b) => b.name))];
  } catch {}
  const similar = names
    .filter((n) => !n.startsWith("_") && isSimilarName(name, n))
    .sort((a, b) => editDistance(name, a) - editDistance(name, b) || (a < b ? -1 : 1))
    .slice(0, 2);
  for (const n of similar) {
    out.push({
      kind: "renamed",
      message: `\`${module}\` (${which}) defines \`${n}\`: if \`${name}\` was renamed, import \`${n}\` instead`,
      data: { module, name: n, was: name },
    });
  }
  return [...out, ...nameSuggestions(ctx.symbols(), name, module, ctx.rel).filter((s) => s.kind === "relocated")];
}

/** A submodule the installed version of its package lacks (installedLacksSubmodule): which version is installed. */
function installedSubmoduleSuggestion(
  module: string,
  installed: NonNullable<ImportFailure["installed"]>,
  input: AnalysisInput,
  ctx: AnalyzerContext,
): Suggestion {
  const { distribution, version, file } = installed;
  const where = file.startsWith(`${input.session.rootdir}/`) ? ctx.rel(file) : file;
  const dist = distribution ?? (module.split(".")[0] as string);
  const which = version ? `${dist} ${version}` : `${dist} (version unknown)`;
  const dot = module.lastIndexOf(".");
  return {
    kind: "removed",
    message: `${which} installed: its package \`${module.slice(0, dot)}\` (${where}) has no submodule \`${module.slice(dot + 1)}\`; if an upgrade removed it, pin \`${dist}\` to a version that has it, or stop importing it`,
    data: { distribution: dist, version, module, file: where },
  };
}

/** For a name nothing defines, `from pkg import name` may have meant the submodule `pkg.name` (deleted or moved):
 *  the closest existing modules then come after the "removed" advice. */
function missingNameSuggestions(name: string, module: string | null, ctx: AnalyzerContext): Suggestion[] {
  const out = nameSuggestions(ctx.symbols(), name, module, ctx.rel);
  if (!module || out.some((s) => s.kind !== "removed")) return out;
  const sub = `${module}.${name}`;
  // Only for names written like modules (snake_case) imported from a package.
  const isPackage = ctx.symbols().hasSubmodules(module);
  if (!isPackage || !/^[a-z_][a-z0-9_]*$/.test(name)) return out;
  return [
    {
      kind: "removed",
      message: `No first-party module defines \`${name}\` and there is no module \`${sub}\`: restore the module (or define \`${name}\` in \`${module}\`), or remove its uses`,
      data: { module, name, submodule: sub },
    },
    ...closestModules(ctx.symbols(), sub),
  ];
}

/** Where the names imported from the missing module are defined now, then the closest existing modules; failing
 *  both, that nothing provides them. */
function missingModuleSuggestions(f: ImportFailure, input: AnalysisInput, ctx: AnalyzerContext): Suggestion[] {
  const closest = closestModules(ctx.symbols(), f.module!);
  let names: string[] = [];
  try {
    const stmt = input.facts(f.file).imports.find((i) => i.line === f.line && i.kind === "from");
    names = stmt?.names.map((n) => n.name).filter((n) => n !== "*") ?? [];
  } catch {}
  const out = [
    ...names.flatMap((n) => nameSuggestions(ctx.symbols(), n, null, ctx.rel).filter((s) => s.kind === "relocated")),
    ...closest,
  ];
  if (out.length > 0) return out;
  const what = names.length > 0 ? names.map((n) => `\`${n}\``).join(", ") : "what it provided";
  return [
    {
      kind: "removed",
      message: `No module \`${f.module}\` exists and no first-party module defines ${what}: restore the module, or define ${what} elsewhere and update ${ctx.rel(f.file)}:${f.line}`,
      data: { module: f.module, names: names.join(",") },
    },
  ];
}

/** The finding fields that describe the failure itself (shared with conftest-error's `cause`). */
export function failureCore(f: ImportFailure, rel: (p: string) => string): FailureCause {
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
    ...(f.certainty === "maybe" ? { condition: f.condition ?? "remedy cannot tell whether this statement runs" } : {}),
  };
}

/** The findings of one failure kind, in the order the model meets their root causes. Grouping keys start with the
 *  kind, so the groups of one kind are the ones a single pass over every kind would make, in the same order. */
export function importFailureFindings<K extends FailureKind>(
  input: AnalysisInput,
  ctx: AnalyzerContext,
  kind: K,
): FindingOf<K>[] {
  // Group statements into root causes; the representative starts in a file where it is the reported error.
  const groups = new Map<
    string,
    { keys: Set<string>; rep: ImportFailure; fromReported: boolean; all: ImportFailure[] }
  >();
  for (const file of input.model.files) {
    if (file.role !== "test") continue;
    const reported = ctx.reportedFailures.byFile.get(file.path)?.reported;
    for (const f of file.failures) {
      if (f.kind !== kind) continue;
      const key = causeKey(f);
      const g = groups.get(key) ?? { keys: new Set<string>(), rep: f, fromReported: false, all: [] };
      if (!g.keys.has(f.rootKey)) g.all.push(f);
      g.keys.add(f.rootKey);
      if (reported === f.rootKey && !g.fromReported) {
        g.rep = f;
        g.fromReported = true;
      }
      groups.set(key, g);
    }
  }
  const findings: FindingOf<K>[] = [];
  for (const { keys, rep: f, all } of groups.values()) {
    const core = failureCore(f, ctx.rel);
    const others = all.filter((x) => x.rootKey !== f.rootKey);
    const sites = [f, ...others].map((x) => ({ file: ctx.rel(x.file), line: x.line, col: x.col }));
    findings.push({
      id: findingId(kind, core.file, f.line, f.name ?? f.module),
      ...core,
      kind, // the same value as core's (keeps its place among the fields), typed as this kind
      ...(sites.length > 1 ? { sites } : {}),
      ...blastRadius(input, ctx.reportedFailures, keys, f.certainty === "maybe"),
      suggestions: suggestionsFor(f, input, ctx),
    });
  }
  return findings;
}
