// Resolves the plan's module-level imports to modules (as Python would) and answers the two questions breakages
// ask: which modules does importing the tests execute, and who imports a given name from a given module.
import type { ImportSpec, ModulePlan, RepoPlan } from "./plan.ts";
import { byDotted } from "./plan.ts";

/** The dotted module an import statement names (`from ..x import y` in a.b.c resolves to a.x). */
export function resolveSpec(m: ModulePlan, spec: ImportSpec): string {
  if (spec.level === 0) return spec.module;
  const base = m.pkg.split(".");
  const kept = base.slice(0, base.length - (spec.level - 1));
  return spec.module ? [...kept, spec.module].join(".") : kept.join(".");
}

/** The modules a statement imports: the named one, plus submodules named in its import list. */
export function targetsOf(m: ModulePlan, spec: ImportSpec): string[] {
  const base = resolveSpec(m, spec);
  return [base, ...spec.symbols.filter((s) => s.kind === "module").map((s) => `${base}.${s.name}`)];
}

/** Modules executed when importing the `from` modules (by default the whole test side) and all they import. */
export function reachable(plan: RepoPlan, from: (m: ModulePlan) => boolean = (m) => m.area === "tests"): Set<string> {
  const index = byDotted(plan);
  const seen = new Set<string>();
  const stack: string[] = [];
  const push = (dotted: string) => {
    const parts = dotted.split(".");
    for (let i = 1; i <= parts.length; i++) {
      const d = parts.slice(0, i).join(".");
      if (!seen.has(d) && index.has(d)) {
        seen.add(d);
        stack.push(d);
      }
    }
  };
  const visit = (m: ModulePlan) => {
    for (const spec of m.imports) if (spec.placement === "module") for (const t of targetsOf(m, spec)) push(t);
  };
  for (const m of plan.modules) if (from(m)) visit(m);
  while (stack.length > 0) visit(index.get(stack.pop()!)!);
  return seen;
}

/** Who imports what at module level (directly, not through a re-export): "module" and "module\0name" keys. */
export function importIndex(plan: RepoPlan): Map<string, ModulePlan[]> {
  const index = new Map<string, ModulePlan[]>();
  const add = (key: string, m: ModulePlan) => {
    const list = index.get(key);
    if (!list) index.set(key, [m]);
    else if (list.at(-1) !== m) list.push(m);
  };
  for (const m of plan.modules) {
    for (const s of m.imports) {
      if (s.placement !== "module") continue;
      const target = resolveSpec(m, s);
      add(target, m);
      // A star import never fails for a missing name; a submodule import fails when the submodule is gone.
      for (const x of s.star ? [] : s.symbols)
        add(x.kind === "module" ? `${target}.${x.name}` : `${target}\0${x.name}`, m);
    }
  }
  return index;
}
