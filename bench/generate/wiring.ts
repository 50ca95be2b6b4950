// Wires the source modules together: module-level imports only from lower ranks (siblings, same service, lower
// layers, sometimes through a package's __init__ re-export), plus upward TYPE_CHECKING and function-level imports
// that close cycles harmlessly, and module-level reads of imported names (bases, decorators, enum defaults).
import type { PackageNode } from "./layout.ts";
import type { ImportedSymbol, ModulePlan, PyDef } from "./plan.ts";
import type { Random } from "./random.ts";
import { snake } from "./vocabulary.ts";

function symbolOf(d: PyDef, rng: Random): ImportedSymbol {
  const member = d.members.length > 0 && (d.kind === "enum" || d.kind === "dataclass") ? rng.pick(d.members) : null;
  return { name: d.name, kind: d.kind, member };
}

/** Each package's __init__ re-exports a few names from each of its direct modules. */
export function planReexports(rng: Random, packages: PackageNode[]): void {
  const facade = (m: ModulePlan) => ["models", "enums", "exceptions", "constants"].includes(m.flavour);
  for (const pkg of packages) {
    // Some packages keep an empty __init__.py; the others re-export from a few modules, models first.
    if (!pkg.reexports || !rng.chance(0.6)) continue;
    const seen = new Set<string>();
    const chosen = [...pkg.modules.filter(facade), ...pkg.modules.filter((m) => !facade(m))].slice(0, rng.int(1, 3));
    for (const m of chosen) {
      const names = rng
        .sample(m.defs, rng.int(1, 3))
        .filter((d) => !seen.has(d.name))
        .sort((a, b) => m.defs.indexOf(a) - m.defs.indexOf(b));
      if (names.length === 0) continue;
      for (const d of m.defs) seen.add(d.name);
      const last = m.dotted.split(".").at(-1)!;
      // Enum and constant modules are often star-re-exported: every name comes along, and none can fail.
      const star = (m.flavour === "enums" || m.flavour === "constants") && rng.chance(0.3);
      pkg.init.imports.push({
        module: last,
        symbols: (star ? m.defs : names).map((d) => symbolOf(d, rng)),
        level: 1,
        placement: "module",
        viaInit: false,
        star,
      });
    }
  }
}

function topOf(dotted: string): string {
  return dotted.split(".").slice(0, 2).join(".");
}

function parentOf(dotted: string): string {
  return dotted.split(".").slice(0, -1).join(".");
}

function bound(m: ModulePlan): Set<string> {
  const names = new Set(m.defs.map((d) => d.name));
  for (const spec of m.imports) for (const s of spec.symbols) names.add(s.name);
  return names;
}

/** Re-exported symbols of an __init__ (the union of its `from .x import ...`). */
function exportsOf(init: ModulePlan): ImportedSymbol[] {
  return init.imports.flatMap((s) => s.symbols);
}

export function wireSources(rng: Random, sources: ModulePlan[], inits: ModulePlan[]): void {
  const ordered = [...sources, ...inits].sort((a, b) => a.rank - b.rank);
  const index = new Map(ordered.map((m) => [m.dotted, m]));
  const byPkg = new Map<string, ModulePlan[]>();
  const byTop = new Map<string, ModulePlan[]>();
  const done: ModulePlan[] = [];
  const doneInits: ModulePlan[] = [];
  const withDefs = ordered.filter((m) => m.kind === "source" && m.defs.length > 0);

  for (const m of ordered) {
    if (m.kind === "init") {
      if (exportsOf(m).length > 0) doneInits.push(m);
      continue;
    }
    const r = rng.fork(m.dotted);
    wireModule(r, m, byPkg.get(m.pkg) ?? [], byTop.get(topOf(m.dotted)) ?? [], done, doneInits);
    addUpwardImports(r, m, withDefs);
    closeCycleHarmlessly(r, m, index);
    addModuleReads(r, m);
    if (m.defs.length > 0) {
      done.push(m);
      byPkg.set(m.pkg, [...(byPkg.get(m.pkg) ?? []), m]);
      byTop.set(topOf(m.dotted), [...(byTop.get(topOf(m.dotted)) ?? []), m]);
    }
  }
}

function wireModule(
  r: Random,
  m: ModulePlan,
  siblings: ModulePlan[],
  sameTop: ModulePlan[],
  lower: ModulePlan[],
  inits: ModulePlan[],
): void {
  // Leaf-like modules (enums, constants, models) import little; service logic imports a lot.
  const light = m.flavour === "enums" || m.flavour === "constants" || m.flavour === "base";
  const modest = m.flavour === "models" || m.flavour === "exceptions" || m.flavour === "factories";
  const count = light ? r.int(0, 1) : modest ? r.int(0, 2) : r.int(2, 6);
  const names = bound(m);
  for (let i = 0; i < count; i++) {
    const roll = r.next();
    let target: ModulePlan | undefined;
    let viaInit = false;
    if (roll < 0.35 && siblings.length > 0) target = r.pick(siblings);
    else if (roll < 0.65 && sameTop.length > 0) target = r.pick(sameTop);
    else if (roll < 0.8 && inits.length > 0 && m.area !== "shared") {
      target = r.pick(inits);
      viaInit = true;
    } else if (lower.length > 0) target = r.pick(lower);
    if (!target) continue;
    const last = target.dotted.split(".").at(-1)!;
    if (!viaInit && !m.pkg.startsWith(target.pkg) && !names.has(last) && r.chance(0.12)) {
      // `from pkg import module`: Python finds the submodule through the package (importing it if needed).
      names.add(last);
      const member = r.pick(target.defs).name;
      const symbols = [{ name: last, kind: "module" as const, member }];
      m.imports.push({ module: target.pkg, symbols, level: 0, placement: "module", viaInit: false });
      continue;
    }
    const candidates = viaInit ? exportsOf(target) : target.defs.map((d) => symbolOf(d, r));
    const symbols = r.sample(candidates, r.int(1, 3)).filter((s) => !names.has(s.name));
    if (symbols.length === 0) continue;
    for (const s of symbols) names.add(s.name);
    const existing = m.imports.find((s) => s.module === target.dotted && s.placement === "module" && s.level === 0);
    if (existing) {
      existing.symbols.push(...symbols);
      continue;
    }
    let level = 0;
    let module = target.dotted;
    if (!viaInit && target.pkg === m.pkg && r.chance(0.7)) {
      level = 1;
      module = target.dotted.split(".").at(-1)!;
    } else if (!viaInit && target.pkg === parentOf(m.pkg) && r.chance(0.5)) {
      level = 2;
      module = target.dotted.split(".").at(-1)!;
    }
    m.imports.push({ module, symbols, level, placement: "module", viaInit });
  }
}

/** TYPE_CHECKING and function-level imports of higher-ranked modules: cycles that never fail at import time. */
function addUpwardImports(r: Random, m: ModulePlan, withDefs: ModulePlan[]): void {
  if (m.flavour !== "logic" && m.flavour !== "models" && m.flavour !== "factories") return;
  const higher = () => {
    const i = withDefs.findIndex((x) => x.rank > m.rank);
    return i < 0 ? undefined : withDefs[r.int(i, withDefs.length - 1)];
  };
  const names = bound(m);
  for (const placement of ["typeChecking", "function"] as const) {
    if (!r.chance(placement === "typeChecking" ? 0.3 : 0.25)) continue;
    const target = higher();
    if (!target) continue;
    const d = r.pick(placement === "typeChecking" ? typeLike(target.defs) : target.defs);
    if (names.has(d.name)) continue;
    names.add(d.name);
    m.imports.push({ module: target.dotted, symbols: [symbolOf(d, r)], level: 0, placement, viaInit: false });
    if (placement === "typeChecking") m.futureAnnotations = true;
  }
  if (r.chance(0.3)) m.futureAnnotations = true;
}

/** What an annotation would name: classes when the module has any. */
function typeLike(defs: PyDef[]): PyDef[] {
  const classes = defs.filter((d) => ["dataclass", "class", "base", "enum", "exception"].includes(d.kind));
  return classes.length > 0 ? classes : defs;
}

/** Sometimes a module that `m` imports imports `m` back, from a function body or under TYPE_CHECKING: a real
 *  cycle in the import graph that never fails at import time (the layering stays acyclic at module level). */
function closeCycleHarmlessly(r: Random, m: ModulePlan, index: Map<string, ModulePlan>): void {
  if (m.defs.length === 0 || !r.chance(0.15)) return;
  const targets = m.imports.filter((s) => s.placement === "module" && !s.viaInit && s.level === 0);
  if (targets.length === 0) return;
  const target = index.get(r.pick(targets).module);
  if (target?.kind !== "source") return;
  const placement = r.chance(0.5) ? "typeChecking" : "function";
  const d = r.pick(placement === "typeChecking" ? typeLike(m.defs) : m.defs);
  if (bound(target).has(d.name)) return;
  target.imports.push({ module: m.dotted, symbols: [symbolOf(d, r)], level: 0, placement, viaInit: false });
  if (placement === "typeChecking") target.futureAnnotations = true;
}

/** Module-level uses of imported names: subclassing, registry decorators, enum defaults and aliases. */
function addModuleReads(r: Random, m: ModulePlan): void {
  const imported = m.imports.filter((s) => s.placement === "module").flatMap((s) => s.symbols);
  const bases = imported.filter((s) => s.kind === "base");
  const enums = imported.filter((s) => s.kind === "enum" && s.member);
  const register = imported.find((s) => s.name === "register");
  for (const d of m.defs) {
    if (d.kind === "class" && bases.length > 0 && r.chance(0.6)) d.moduleReads.push(r.pick(bases).name);
    if (d.kind === "function" && register && r.chance(0.5)) d.moduleReads.push(register.name);
    if (d.kind === "dataclass" && enums.length > 0 && r.chance(0.5)) {
      const e = r.pick(enums);
      d.enumDefault = [d.members[0]!, e.name, e.member!];
      d.moduleReads.push(e.name);
    }
  }
  if (enums.length > 0 && r.chance(0.4)) {
    const e = r.pick(enums);
    const name = `DEFAULT_${snake(e.name).toUpperCase()}`;
    if (!m.defs.some((d) => d.name === name)) {
      m.defs.push({ name, kind: "constant", moduleReads: [e.name], members: [`${e.name}.${e.member}`], methods: [] });
    }
  }
}
