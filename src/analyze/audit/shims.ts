// shim: a module that only re-exports first-party names (its module-level bindings are all imports, plus __all__),
// and re-export chains of two hops or more (A imports X from B, B re-exports it from C, C from D which defines it).
// Why: every hop is one more place that breaks when the definition moves, and readers land on the wrong file.
// A package's __init__.py that re-exports its own submodules is the normal public-API idiom: it is reported as a
// shim only when it re-exports from outside its own package, and such hops do not count towards a chain's length.
// Re-exports of third-party names (compat modules) are not about a first-party source of truth: left out.
import type { KnownModule } from "../analysisInput.ts";
import type { AuditFinding, AuditSite, ProposedChange } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { type ReExport, ssotIndex } from "./ssotIndex.ts";

const INIT = /(^|[\\/])__init__\.py$/;

export function shims(input: AuditInput): AuditFinding[] {
  return [...shimModules(input), ...chains(input)];
}

/** True when `re` is a package __init__ re-exporting from inside its own package (public API, not a shim). */
function isPackageApi(input: AuditInput, re: ReExport): boolean {
  const index = ssotIndex(input);
  const mod = index.symbols.byName(re.module);
  return !!mod && INIT.test(mod.path) && re.from.startsWith(`${re.module}.`);
}

function shimModules(input: AuditInput): AuditFinding[] {
  const index = ssotIndex(input);
  const findings: AuditFinding[] = [];
  for (const mod of input.analysis.modules) {
    if (!index.inScope(mod.path)) continue;
    const facts = input.analysis.facts(mod.path);
    if (facts.status !== "ok" || facts.starImports.length > 0) continue;
    const bound = facts.bindings.filter((b) => b.name !== "__all__");
    if (bound.length === 0 || bound.some((b) => b.kind !== "import")) continue;
    // A module that uses what it imports at import time (a script, a registration module) is not a shim.
    const used = new Set(facts.reads.map((r) => r.name));
    const reExports = [...new Set(bound.map((b) => b.name))].flatMap((n) => index.reExportOf(mod.name, n) ?? []);
    if (reExports.length === 0 || reExports.some((re) => used.has(re.name))) continue;
    if (INIT.test(mod.path) && reExports.every((re) => isPackageApi(input, re))) continue;
    const sites: AuditSite[] = reExports
      .map((re) => ({ file: input.rel(mod.path), line: re.line, module: re.from, role: "re-export" }))
      .sort((a, b) => a.line - b.line || (a.module < b.module ? -1 : 1));
    const changes = reExports.flatMap((re) => redirect(input, mod, re.name));
    findings.push({
      id: `shim:${mod.name}`,
      kind: "shim",
      severity: "info",
      subject: mod.name,
      message: `${mod.name} only re-exports ${reExports.length} name${reExports.length === 1 ? "" : "s"} from ${[...new Set(reExports.map((r) => r.from))].sort().join(", ")}.`,
      sites: dedupe(sites),
      proposal: {
        summary: `Import from the defining modules instead of ${mod.name} (${changes.length} import${changes.length === 1 ? "" : "s"} change), then delete it or keep it as a deprecated alias.`,
        canonical: null,
        changes,
      },
      detail: { names: reExports.map((r) => r.name).sort() },
    });
  }
  return findings;
}

/** The importers of `name` from `mod`, pointed at where the name really comes from. */
function redirect(input: AuditInput, mod: KnownModule, name: string): ProposedChange[] {
  const index = ssotIndex(input);
  const origin = index.origin(mod.name, name);
  return index.symbols.importersOf(mod.name, name).map((s) => ({
    file: input.rel(s.path),
    line: s.line,
    from: `from ${s.written} import ${s.name}${s.boundAs === s.name ? "" : ` as ${s.boundAs}`}`,
    to: `from ${origin.module} import ${origin.name}${s.boundAs === origin.name ? "" : ` as ${s.boundAs}`}`,
  }));
}

function chains(input: AuditInput): AuditFinding[] {
  const index = ssotIndex(input);
  const findings: AuditFinding[] = [];
  for (const mod of input.analysis.modules) {
    if (!index.inScope(mod.path)) continue;
    const names = new Set(input.analysis.facts(mod.path).bindings.flatMap((b) => (b.kind === "import" ? [b] : [])));
    for (const b of [...new Map([...names].map((x) => [x.name, x])).values()]) {
      if (!index.reExportOf(mod.name, b.name)) continue;
      const origin = index.origin(mod.name, b.name);
      const hops = origin.hops.filter((h) => !isPackageApi(input, h));
      if (hops.length < 2) continue;
      const definer = index.symbols.definersOf(origin.name).find((d) => d.module === origin.module);
      if (!definer) continue;
      const changes = redirect(input, mod, b.name);
      if (changes.length === 0) continue;
      const path = [...origin.hops.map((h) => h.module), origin.module];
      const sites: AuditSite[] = [
        ...changes.map((c) => ({ file: c.file, line: c.line, module: mod.name, role: "importer" })),
        ...origin.hops.map((h) => ({
          file: input.rel(index.symbols.byName(h.module)!.path),
          line: h.line,
          module: h.from,
          role: "re-export",
        })),
        { file: input.rel(definer.path), line: definer.line, module: origin.module, role: "definition" },
      ];
      findings.push({
        id: `shim:${b.name}: ${path.join(" -> ")}`,
        kind: "shim",
        severity: "info",
        subject: `${b.name}: ${path.join(" -> ")}`,
        message: `${b.name} is imported from ${mod.name}, which re-exports it through ${hops.length} hops from ${origin.module}, where it is defined.`,
        sites: dedupe(sites),
        proposal: {
          summary: `Import ${origin.name} from ${origin.module}, where it is defined (${changes.length} import${changes.length === 1 ? "" : "s"} change).`,
          canonical: origin.module,
          changes,
        },
        detail: { chain: path, hops: hops.length },
      });
    }
  }
  return findings;
}

function dedupe(sites: AuditSite[]): AuditSite[] {
  const seen = new Set<string>();
  return sites.filter((s) => {
    const key = `${s.file}:${s.line}:${s.module}:${s.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
