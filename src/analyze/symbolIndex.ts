// Where first-party names are defined and from where the code base already imports them: the evidence behind
// "relocated" suggestions (a name that moved is usually already imported from its new home elsewhere).
import type { BindingKind } from "../python/index.ts";
import type { AnalysisInput, KnownModule } from "./analysisInput.ts";

export interface Definer {
  module: string;
  /** The name code imports the module by: `module`, or its alias when that name goes through a namespace portion
   *  (`src.pkg.mod` -> `pkg.mod`, the rootdir on sys.path in a src layout; projectFiles.ts knownModules). */
  importName: string;
  path: string;
  line: number;
  /** How the module's first defining binding of the name binds it (def, class, assign ...). */
  kind: BindingKind;
  /** Distinct first-party modules that do `from <module> import <name>`. */
  importers: number;
}

/** One `from <module> import <name>` of a first-party module (its first such statement). */
export interface ImportSite {
  /** The importing module. */
  module: string;
  path: string;
  line: number;
  /** The `from` part as written (`..models`, `app.models`), and the name imported. */
  written: string;
  name: string;
  /** The name it is bound to in the importer (`as` name, else the name). */
  boundAs: string;
}

export interface SymbolIndex {
  /** Modules whose module-level code defines `name` (def, class, assignment: not a re-import). */
  definersOf(name: string): Definer[];
  /** Every name some module defines (the keys of definersOf). */
  definedNames(): IterableIterator<string>;
  /** First-party modules doing `from <module> import <name>`, in the order the modules were indexed. */
  importersOf(module: string, name: string): ImportSite[];
  /** Names bound at module level by a module (any binding kind), for "renamed" suggestions. */
  namesOf(module: string): string[];
  /** Modules whose dotted name is `length` characters long (O(1)). */
  modulesOfLength(length: number): readonly string[];
  /** Modules whose last dotted component is `last` (O(1)). */
  modulesEndingIn(last: string): readonly string[];
  /** Some module lies below `module` (it is a package with submodules). O(1). */
  hasSubmodules(module: string): boolean;
  byName(module: string): KnownModule | undefined;
}

const DEFINING = new Set(["def", "class", "assign", "annassign", "augassign", "with", "for", "match", "walrus"]);

/** The absolute module a relative `from` import names. */
export function resolveRelative(importer: KnownModule, level: number, module: string | null): string {
  if (level === 0) return module ?? "";
  const parts = importer.name.split(".");
  const isPackage = /(^|[\\/])__init__\.py$/.test(importer.path);
  const drop = isPackage ? level - 1 : level;
  const base = parts.slice(0, Math.max(0, parts.length - drop));
  if (module) base.push(module);
  return base.join(".");
}

/** O(bindings + imports of all modules); built once per scan, and only when a finding needs a suggestion. */
export function buildSymbolIndex(input: AnalysisInput): SymbolIndex {
  const definers = new Map<string, Omit<Definer, "importers">[]>();
  const names = new Map<string, string[]>();
  // `${from}\0${name}` -> importing module -> its first such import.
  const importers = new Map<string, Map<string, ImportSite>>();
  const byName = new Map<string, KnownModule>();
  const defined = new Set<string>();
  for (const mod of input.modules) {
    byName.set(mod.name, mod);
    let facts: ReturnType<AnalysisInput["facts"]>;
    try {
      facts = input.facts(mod.path);
    } catch {
      continue;
    }
    const own = new Set<string>();
    for (const b of facts.bindings) {
      if (b.kind === "del") continue;
      own.add(b.name);
      if (!DEFINING.has(b.kind)) continue;
      // One entry per (name, module), found in a set: a search of the list made this quadratic in how many
      // modules define a common name such as `logger`.
      const key = `${b.name}\0${mod.name}`;
      if (defined.has(key)) continue;
      defined.add(key);
      const entry = { module: mod.name, importName: mod.alias ?? mod.name, path: mod.path, line: b.line, kind: b.kind };
      const list = definers.get(b.name);
      if (list) list.push(entry);
      else definers.set(b.name, [entry]);
    }
    names.set(mod.name, [...own]);
    if (mod.alias && !names.has(mod.alias)) names.set(mod.alias, [...own]);
    for (const imp of facts.imports) {
      if (imp.kind !== "from") continue;
      const from = resolveRelative(mod, imp.level, imp.module);
      const written = ".".repeat(imp.level) + (imp.module ?? "");
      for (const n of imp.names) {
        const key = `${from}\0${n.name}`;
        const sites = importers.get(key) ?? new Map<string, ImportSite>();
        if (!sites.has(mod.name))
          sites.set(mod.name, {
            module: mod.name,
            path: mod.path,
            line: imp.line,
            written,
            name: n.name,
            boundAs: n.asname ?? n.name,
          });
        importers.set(key, sites);
      }
    }
  }
  const moduleNames = [...byName.keys()];
  const endingIn = new Map<string, string[]>();
  const packages = new Set<string>();
  const ofLength = new Map<number, string[]>();
  for (const m of moduleNames) {
    const same = ofLength.get(m.length) ?? [];
    same.push(m);
    ofLength.set(m.length, same);
    const parts = m.split(".");
    const list = endingIn.get(parts[parts.length - 1]!) ?? [];
    list.push(m);
    endingIn.set(parts[parts.length - 1]!, list);
    for (let i = 1; i < parts.length; i++) packages.add(parts.slice(0, i).join("."));
  }
  return {
    definersOf(name) {
      return (definers.get(name) ?? [])
        .map((d) => ({ ...d, importers: importers.get(`${d.module}\0${name}`)?.size ?? 0 }))
        .sort((a, b) => b.importers - a.importers || (a.module < b.module ? -1 : 1));
    },
    definedNames: () => definers.keys(),
    importersOf: (module, name) => [...(importers.get(`${module}\0${name}`)?.values() ?? [])],
    namesOf: (module) => names.get(module) ?? [],
    modulesOfLength: (length) => ofLength.get(length) ?? [],
    modulesEndingIn: (last) => endingIn.get(last) ?? [],
    hasSubmodules: (module) => packages.has(module),
    byName: (module) => byName.get(module),
  };
}
