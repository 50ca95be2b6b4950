// Seeded breakages the agreement bench injects into a clean tree: each edits the plan so that the real pytest
// fails to collect, and returns a record of what it did (written to BREAKAGES.json at the repository root).
import { importIndex, reachable, resolveSpec } from "./importGraph.ts";
import type { ModulePlan, PyDef, RepoPlan } from "./plan.ts";
import { markerName } from "./plan.ts";
import type { Random } from "./random.ts";
import { markersUsed } from "./renderTests.ts";

export const BREAKAGE_KINDS = [
  "delete-definition",
  "rename-definition",
  "move-definition",
  "delete-module",
  "module-cycle",
  "unregister-marker",
] as const;
export type BreakageKind = (typeof BREAKAGE_KINDS)[number];

export interface BreakageRecord {
  kind: BreakageKind;
  /** The file changed (the config file for unregister-marker). */
  file: string;
  module: string | null;
  /** The definition, module or marker broken. */
  name: string;
  detail: string;
  /** rename: the new name; move: the module it went to; module-cycle: the module now imported back. */
  to: string | null;
  /** Files whose module-level imports (or marker uses) now fail. */
  affected: string[];
}

export class BreakageError extends Error {
  override name = "BreakageError";
}

interface Tree {
  targets: (ok: (m: ModulePlan, d: PyDef) => boolean) => Target[];
  sources: () => ModulePlan[];
  live: Set<string>;
  importersOf: (dotted: string, name: string | null) => ModulePlan[];
}

interface Target {
  module: ModulePlan;
  def: PyDef;
  importers: ModulePlan[];
}

const files = (ms: ModulePlan[]) => ms.map((m) => m.file).sort();

export function applyBreakages(plan: RepoPlan, kinds: readonly BreakageKind[], rng: Random): BreakageRecord[] {
  const live = reachable(plan);
  const touched = new Set<string>();
  const records: BreakageRecord[] = [];
  const sources = () =>
    plan.modules.filter(
      (m) => m.kind === "source" && live.has(m.dotted) && !touched.has(m.dotted) && m.flavour !== "registry",
    );
  let index = importIndex(plan);
  const importersOf = (dotted: string, name: string | null) =>
    index.get(name === null ? dotted : `${dotted}\0${name}`) ?? [];
  const targets = (ok: (m: ModulePlan, d: PyDef) => boolean): Target[] =>
    sources().flatMap((m) =>
      m.defs
        .filter((d) => ok(m, d))
        .map((d) => ({ module: m, def: d, importers: importersOf(m.dotted, d.name) }))
        .filter((t) => t.importers.some((i) => live.has(i.dotted) || i.area === "tests")),
    );
  for (const [i, kind] of kinds.entries()) {
    const r = rng.fork(`breakage:${i}:${kind}`);
    const record = apply(plan, kind, r, { targets, sources, live, importersOf });
    index = importIndex(plan);
    if (!record) throw new BreakageError(`no target for breakage '${kind}' in this tree (try more modules)`);
    if (record.module) touched.add(record.module);
    records.push(record);
  }
  return records;
}

function apply(plan: RepoPlan, kind: BreakageKind, r: Random, tree: Tree): BreakageRecord | null {
  const { targets, sources, live, importersOf } = tree;
  const pkgs = new Map<string, ModulePlan[]>();
  for (const m of plan.modules) if (m.kind === "source") pkgs.set(m.pkg, [...(pkgs.get(m.pkg) ?? []), m]);
  const siblings = (m: ModulePlan) => (pkgs.get(m.pkg) ?? []).filter((s) => s !== m);
  const base = (t: Target, detail: string, to: string | null): BreakageRecord => ({
    kind,
    file: t.module.file,
    module: t.module.dotted,
    name: t.def.name,
    detail,
    to,
    affected: files(t.importers),
  });
  switch (kind) {
    case "delete-definition": {
      const all = targets(() => true);
      if (all.length === 0) return null;
      const t = r.pick(all);
      t.module.defs.splice(t.module.defs.indexOf(t.def), 1);
      return base(t, `deleted ${t.def.kind} ${t.def.name}; its importers were left unchanged`, null);
    }
    case "rename-definition": {
      const all = targets(() => true);
      if (all.length === 0) return null;
      const t = r.pick(all);
      const old = t.def.name;
      const suffix = /^[A-Z][A-Z0-9_]*$/.test(old) ? "_V2" : /^[A-Z]/.test(old) ? "Model" : "_v2";
      t.def.name = old + suffix;
      for (const d of t.module.defs) d.moduleReads = d.moduleReads.map((n) => (n === old ? t.def.name : n));
      return { ...base(t, `renamed ${old} to ${t.def.name} inside its module only`, t.def.name), name: old };
    }
    case "move-definition": {
      const selfContained = (m: ModulePlan, d: PyDef) =>
        d.moduleReads.length === 0 &&
        !/\./.test(d.members[0] ?? "") &&
        !m.defs.some((o) => o.moduleReads.includes(d.name)) &&
        siblings(m).some((s) => !binds(s, d.name));
      const all = targets(selfContained);
      if (all.length === 0) return null;
      const t = r.pick(all);
      const dest = r.pick(siblings(t.module).filter((s) => !binds(s, t.def.name)));
      t.module.defs.splice(t.module.defs.indexOf(t.def), 1);
      dest.defs.push(t.def);
      return base(
        t,
        `moved ${t.def.name} to ${dest.dotted}; importers still import it from ${t.module.dotted}`,
        dest.dotted,
      );
    }
    case "delete-module": {
      const all = sources()
        .map((m) => ({ module: m, importers: importersOf(m.dotted, null) }))
        .filter((x) => x.importers.some((i) => live.has(i.dotted) || i.area === "tests"));
      if (all.length === 0) return null;
      const { module, importers } = r.pick(all);
      plan.modules.splice(plan.modules.indexOf(module), 1);
      return {
        kind,
        file: module.file,
        module: module.dotted,
        name: module.dotted,
        detail: `deleted module ${module.dotted} (${module.defs.length} definitions)`,
        to: null,
        affected: files(importers),
      };
    }
    case "module-cycle": {
      // B imports A at module level; A now imports B back at its top, before its own definitions run.
      const index = new Map(sources().map((m) => [m.dotted, m]));
      const edges = [...index.values()].flatMap((b) =>
        b.imports
          .filter((s) => s.placement === "module" && !s.viaInit && b.defs.length > 0)
          .map((s) => ({ a: index.get(resolveSpec(b, s)), b }))
          .filter((e): e is { a: ModulePlan; b: ModulePlan } => e.a !== undefined && e.a !== e.b),
      );
      if (edges.length === 0) return null;
      const { a, b } = r.pick(edges);
      const back = b.defs.find((d) => !binds(a, d.name));
      if (!back) return null;
      a.imports.push({
        module: b.dotted,
        symbols: [{ name: back.name, kind: back.kind, member: null }],
        level: 0,
        placement: "module",
        viaInit: false,
        breakage: kind,
      });
      return {
        kind,
        file: a.file,
        module: a.dotted,
        name: back.name,
        detail: `${a.dotted} now imports ${back.name} from ${b.dotted}, which imports ${a.dotted} at module level`,
        to: b.dotted,
        affected: [a.file, b.file].sort(),
      };
    }
    case "unregister-marker": {
      const usedBy = new Map<string, ModulePlan[]>();
      for (const m of plan.modules) for (const mk of markersUsed(m)) usedBy.set(mk, [...(usedBy.get(mk) ?? []), m]);
      const registered = plan.iniMarkers.filter((spec) => usedBy.has(markerName(spec)));
      if (registered.length === 0) return null;
      const spec = r.pick(registered);
      plan.iniMarkers = plan.iniMarkers.filter((s) => s !== spec);
      const name = markerName(spec);
      return {
        kind,
        file: plan.configFile,
        module: null,
        name,
        detail: `removed marker '${name}' from ${plan.configFile}; strict markers make its uses collection errors`,
        to: null,
        affected: files(usedBy.get(name)!),
      };
    }
  }
}

function binds(m: ModulePlan, name: string): boolean {
  return m.defs.some((d) => d.name === name) || m.imports.some((s) => s.symbols.some((x) => x.name === name));
}
