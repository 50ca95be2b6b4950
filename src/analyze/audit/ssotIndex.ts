// What the single-source-of-truth analyzers share, built once per audit input: the symbol index, where each
// re-exported name really comes from, who imports each definition (directly or through re-exports), and the order
// in which a canonical home is chosen.
import type { KnownModule } from "../analysisInput.ts";
import { buildSymbolIndex, type ImportSite, resolveRelative, type SymbolIndex } from "../symbolIndex.ts";
import type { AuditInput } from "./auditInput.ts";
import { auditScope, isSharedCode } from "./auditScope.ts";

/** One `from Y import X` a module does at module level from a first-party module Y. */
export interface ReExport {
  /** The re-exporting module and the name it binds. */
  module: string;
  name: string;
  line: number;
  /** Where it takes the name from, and the name there. */
  from: string;
  fromName: string;
}

/** Where a name of a module comes from after following first-party re-exports. */
export interface DefinitionOrigin {
  module: string;
  name: string;
  /** The re-exports followed, first (the module asked) to last. */
  hops: ReExport[];
}

export interface SsotIndex {
  symbols: SymbolIndex;
  inScope(path: string): boolean;
  /** The module-level `from` import of a first-party module by which `module` binds `name`, if any. */
  reExportOf(module: string, name: string): ReExport | undefined;
  /** Follows re-exports from (module, name) to the module that binds it otherwise (stops at a cycle). */
  origin(module: string, name: string): DefinitionOrigin;
  /** Every import of (module, name) in a first-party module, direct or through a chain of re-exports. */
  importersOf(module: string, name: string): ImportSite[];
  /** Distinct first-party modules `module` imports (anywhere in it): fewer means lower in the dependency order. */
  firstPartyImports(module: string): number;
  isShared(module: KnownModule): boolean;
  rel(path: string): string;
}

const cache = new WeakMap<AuditInput, SsotIndex>();

export function ssotIndex(input: AuditInput): SsotIndex {
  const known = cache.get(input);
  if (known) return known;
  const built = build(input);
  cache.set(input, built);
  return built;
}

function build(input: AuditInput): SsotIndex {
  const { analysis } = input;
  const symbols = buildSymbolIndex(analysis);
  const reExports = new Map<string, ReExport>();
  // (from, fromName) -> re-exports of it, for walking back from a definition to everyone who imports it.
  const reExportersOf = new Map<string, ReExport[]>();
  const imported = new Map<string, Set<string>>();
  for (const mod of analysis.modules) {
    const facts = analysis.facts(mod.path);
    const deps = new Set<string>();
    for (const imp of facts.imports) {
      if (imp.kind === "import") {
        for (const n of imp.names) {
          const target = longestKnown(symbols, n.name);
          if (target) deps.add(target);
        }
        continue;
      }
      const from = resolveRelative(mod, imp.level, imp.module);
      if (!symbols.byName(from)) continue;
      for (const n of imp.names) {
        if (n.name === "*") continue;
        const sub = `${from}.${n.name}`;
        deps.add(symbols.byName(sub) ? sub : from);
        // `from pkg import submodule` binds a module, not a concept; only module-scope imports re-export.
        if (symbols.byName(sub) || imp.scope !== "module") continue;
        const re: ReExport = { module: mod.name, name: n.asname ?? n.name, line: imp.line, from, fromName: n.name };
        const key = `${mod.name}\0${re.name}`;
        if (reExports.has(key)) continue;
        reExports.set(key, re);
        const back = `${from}\0${n.name}`;
        const list = reExportersOf.get(back);
        if (list) list.push(re);
        else reExportersOf.set(back, [re]);
      }
    }
    deps.delete(mod.name);
    imported.set(mod.name, deps);
  }
  const reExportOf = (module: string, name: string) => reExports.get(`${module}\0${name}`);
  return {
    symbols,
    inScope: auditScope(input),
    reExportOf,
    origin(module, name) {
      const hops: ReExport[] = [];
      const seen = new Set<string>();
      let at = { module, name };
      for (;;) {
        const key = `${at.module}\0${at.name}`;
        const re = reExports.get(key);
        if (!re || seen.has(key)) return { ...at, hops };
        seen.add(key);
        hops.push(re);
        at = { module: re.from, name: re.fromName };
      }
    },
    importersOf(module, name) {
      const out: ImportSite[] = [];
      const seen = new Set<string>();
      const walk = (m: string, n: string) => {
        const key = `${m}\0${n}`;
        if (seen.has(key)) return;
        seen.add(key);
        out.push(...symbols.importersOf(m, n));
        for (const re of reExportersOf.get(key) ?? []) walk(re.module, re.name);
      };
      walk(module, name);
      return out;
    },
    firstPartyImports: (module) => imported.get(module)?.size ?? 0,
    isShared: (module) => isSharedCode(input, input.rel(module.path)),
    rel: input.rel,
  };
}

/** The longest dotted prefix of `name` that is a first-party module (`import a.b.c` imports a, a.b and a.b.c). */
function longestKnown(symbols: SymbolIndex, name: string): string | null {
  for (let parts = name.split("."); parts.length > 0; parts.pop()) {
    const candidate = parts.join(".");
    if (symbols.byName(candidate)) return candidate;
  }
  return null;
}
