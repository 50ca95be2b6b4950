// Seeded mutations of a real package copied under its own sub-tree (m0001/click/...): each edits only that
// sub-tree, so many of them share one pytest run. Each returns a one-line description that reproduces it.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Random } from "../generate/random.ts";

/** The kinds that edit, move or delete modules of the package itself (the rest add files or edit the config). */
export const MODULE_MUTATION_KINDS = [
  "delete-definition",
  "rename-definition",
  "move-definition",
  "delete-module",
  "rename-module",
  "cycle-function-import",
  "cycle-type-checking",
  "cycle-module-import",
  "guard-import",
] as const;
export type ModuleMutationKind = (typeof MODULE_MUTATION_KINDS)[number];

export const MUTATION_KINDS = [
  ...MODULE_MUTATION_KINDS,
  "unregister-marker",
  "failing-conftest",
  "duplicate-basename",
] as const;
export type MutationKind = (typeof MUTATION_KINDS)[number];

export interface Def {
  name: string;
  start: number;
  line: number;
  end: number;
  col: number;
}
export interface Imp {
  line: number;
  end: number;
  module: string | null;
  level: number;
  names: string[];
}
export interface Outline {
  defs: Def[];
  imports: Imp[];
  bodyStart: number | null;
}

/** One module of the sub-tree's package copy. */
export interface SubModule {
  dotted: string;
  file: string;
  outline: Outline | null;
}

export interface SubTree {
  /** Sub-tree package name (m0001) and directory. */
  name: string;
  dir: string;
  modules: SubModule[];
  /** Marker names registered in the config; the unregister mutation removes this sub-tree's marker. */
  markers: Set<string>;
  /** Modules the mutation edited, deleted or made import each other (the tests import these first). */
  touched: SubModule[];
}

const isPackage = (m: SubModule) => m.file.endsWith("__init__.py");

/** The sibling module a module-level import of `from` names, with the imported names that are definitions. */
function importTargets(
  from: SubModule,
  imp: Imp,
  byName: Map<string, SubModule>,
): { target: SubModule; names: string[] }[] {
  const parts = from.dotted.split(".");
  const pkg = isPackage(from) ? parts : parts.slice(0, -1);
  const base = imp.level === 0 ? [] : pkg.slice(0, pkg.length - (imp.level - 1));
  const out: { target: SubModule; names: string[] }[] = [];
  if (imp.module === null && imp.level === 0) {
    for (const n of imp.names) {
      const t = byName.get(n);
      if (t) out.push({ target: t, names: [] });
    }
    return out;
  }
  const mod = [...base, ...(imp.module ? imp.module.split(".") : [])].join(".");
  const target = byName.get(mod);
  const defNames = new Set(target?.outline?.defs.map((d) => d.name) ?? []);
  if (target) out.push({ target, names: imp.names.filter((n) => defNames.has(n)) });
  for (const n of imp.names) {
    const sub = byName.get(`${mod}.${n}`);
    if (sub) out.push({ target: sub, names: [] });
  }
  return out;
}

export interface Edge {
  importer: SubModule;
  imp: Imp;
  target: SubModule;
  names: string[];
}

export function edges(t: Pick<SubTree, "modules">): Edge[] {
  const byName = new Map(t.modules.map((m) => [m.dotted, m]));
  const out: Edge[] = [];
  for (const m of t.modules) {
    for (const imp of m.outline?.imports ?? []) {
      for (const x of importTargets(m, imp, byName)) if (x.target !== m) out.push({ importer: m, imp, ...x });
    }
  }
  return out;
}

const lines = (file: string) => readFileSync(file, "utf8").split("\n");
const write = (file: string, ls: string[]) => writeFileSync(file, ls.join("\n"));

function removeDef(m: SubModule, d: Def): string {
  const ls = lines(m.file);
  const text = ls.slice(d.start - 1, d.end).join("\n");
  ls.splice(d.start - 1, d.end - d.start + 1, ...Array(d.end - d.start + 1).fill(""));
  write(m.file, ls);
  return text;
}

function insertAt(m: SubModule, text: string): void {
  const ls = lines(m.file);
  const at = (m.outline?.bodyStart ?? ls.length + 1) - 1;
  ls.splice(at, 0, ...text.split("\n"));
  write(m.file, ls);
}

/** A definition another module imports by name (the interesting case), else any definition. */
function pickDef(t: Pick<SubTree, "modules">, rng: Random): { m: SubModule; d: Def } | null {
  const imported = edges(t).flatMap((e) =>
    e.names.map((n) => ({ m: e.target, d: e.target.outline!.defs.find((d) => d.name === n)! })),
  );
  const all = t.modules.flatMap((m) => (m.outline?.defs ?? []).map((d) => ({ m, d })));
  const pool = imported.length > 0 && rng.next() < 0.8 ? imported : all;
  return pool.length ? pool[rng.int(0, pool.length - 1)]! : null;
}

function pickModule(t: Pick<SubTree, "modules">, rng: Random): SubModule | null {
  const importedMods = new Set(edges(t).map((e) => e.target));
  const plain = t.modules.filter((m) => !isPackage(m));
  const imported = plain.filter((m) => importedMods.has(m));
  const pool = imported.length > 0 && rng.next() < 0.8 ? imported : plain;
  return pool.length ? pool[rng.int(0, pool.length - 1)]! : null;
}

const pick = <T>(xs: T[], rng: Random): T | null => (xs.length ? xs[rng.int(0, xs.length - 1)]! : null);

export const isModuleMutation = (kind: MutationKind): kind is ModuleMutationKind =>
  (MODULE_MUTATION_KINDS as readonly string[]).includes(kind);

/** A conftest body whose import fails: a missing name of module `dotted`, or a missing submodule of package `pkg`
 *  (default: the first two parts of `dotted`, the package copy of an agreement sub-tree). */
export function missingImport(dotted: string, rng: Random, pkg?: string): string {
  return rng.next() < 0.5
    ? `from ${dotted} import agreement_missing_name\n`
    : `import ${pkg ?? dotted.split(".").slice(0, 2).join(".")}.agreement_missing_module\n`;
}

/** Applies one mutation of `kind` to the sub-tree; null when the package offers no place for it. */
export function applyMutation(kind: MutationKind, t: SubTree, rng: Random): string | null {
  if (isModuleMutation(kind)) return applyModuleMutation(kind, t, rng);
  switch (kind) {
    case "unregister-marker": {
      t.markers.delete(`agr_${t.name}`);
      return `remove marker agr_${t.name} from pytest.ini`;
    }
    case "failing-conftest": {
      const m = pick(t.modules, rng)!;
      const body = missingImport(m.dotted, rng);
      writeFileSync(join(t.dir, "tests", "conftest.py"), body);
      return `add ${t.name}/tests/conftest.py: ${body.trim()}`;
    }
    case "duplicate-basename": {
      for (const sub of ["dup_a", "dup_b"]) {
        writeTestFile(join(t.dir, "tests", sub, `test_dup_${t.name}.py`), null, t.name);
      }
      return `add ${t.name}/tests/dup_a/test_dup_${t.name}.py and dup_b/ (no __init__.py, same basename)`;
    }
  }
}

/** Applies one module-level mutation to the modules of `t` (only `dir`, `modules` and `touched` are used;
 *  descriptions name files relative to the parent of `dir`); null when the modules offer no place for it. */
export function applyModuleMutation(
  kind: ModuleMutationKind,
  t: Pick<SubTree, "dir" | "modules" | "touched">,
  rng: Random,
): string | null {
  const relf = (m: SubModule) => m.file.slice(dirname(t.dir).length + 1);
  switch (kind) {
    case "delete-definition": {
      const p = pickDef(t, rng);
      if (!p) return null;
      removeDef(p.m, p.d);
      t.touched.push(p.m);
      return `delete ${p.d.name} (lines ${p.d.start}-${p.d.end}) from ${relf(p.m)}`;
    }
    case "rename-definition": {
      const p = pickDef(t, rng);
      if (!p) return null;
      const ls = lines(p.m.file);
      const i = p.d.line - 1;
      ls[i] = ls[i]!.replace(new RegExp(`\\b(def|class)(\\s+)${p.d.name}\\b`), `$1$2${p.d.name}_renamed`);
      write(p.m.file, ls);
      t.touched.push(p.m);
      return `rename ${p.d.name} to ${p.d.name}_renamed in ${relf(p.m)}:${p.d.line}`;
    }
    case "move-definition": {
      const p = pickDef(t, rng);
      const others = t.modules.filter((m) => p && m !== p.m && m.outline);
      const to = pick(others, rng);
      if (!p || !to) return null;
      const text = removeDef(p.m, p.d);
      t.touched.push(p.m, to);
      writeFileSync(to.file, `${readFileSync(to.file, "utf8")}\n\n${text}\n`);
      return `move ${p.d.name} from ${relf(p.m)} to the end of ${relf(to)}`;
    }
    case "delete-module": {
      const m = pickModule(t, rng);
      if (!m) return null;
      rmSync(m.file);
      t.touched.push(m);
      return `delete module ${relf(m)}`;
    }
    case "rename-module": {
      const m = pickModule(t, rng);
      if (!m) return null;
      renameSync(m.file, m.file.replace(/\.py$/, "_renamed.py"));
      t.touched.push(m);
      return `rename module ${relf(m)} to ${relf(m).replace(/\.py$/, "_renamed.py")}`;
    }
    case "cycle-function-import":
    case "cycle-type-checking":
    case "cycle-module-import": {
      // B imports A at module level; A now imports B back.
      const e = pick(
        edges(t).filter((x) => x.target.outline && !isPackage(x.importer) && !isPackage(x.target)),
        rng,
      );
      if (!e) return null;
      const A = e.target;
      const B = e.importer;
      const bDef = pick(B.outline?.defs ?? [], rng);
      t.touched.push(A, B);
      const stmt = bDef && rng.next() < 0.6 ? `from ${B.dotted} import ${bDef.name}` : `import ${B.dotted}`;
      if (kind === "cycle-function-import") {
        writeFileSync(A.file, `${readFileSync(A.file, "utf8")}\n\ndef _agreement_cycle():\n    ${stmt}\n`);
        return `append to ${relf(A)} a function doing '${stmt}' (${relf(B)} imports it at line ${e.imp.line})`;
      }
      if (kind === "cycle-type-checking") {
        insertAt(A, `from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    ${stmt}`);
        return `insert 'if TYPE_CHECKING: ${stmt}' at line ${A.outline!.bodyStart} of ${relf(A)}`;
      }
      insertAt(A, stmt);
      return `insert '${stmt}' at line ${A.outline!.bodyStart} of ${relf(A)} (${relf(B)}:${e.imp.line} imports it)`;
    }
    case "guard-import": {
      const e = pick(
        edges(t).filter((x) => x.names.length > 0 && x.imp.line === x.imp.end),
        rng,
      );
      if (!e) return null;
      const caught = rng.next() < 0.5 ? "ImportError" : "ModuleNotFoundError";
      const name = e.names[rng.int(0, e.names.length - 1)]!;
      const d = e.target.outline!.defs.find((x) => x.name === name)!;
      const ls = lines(e.importer.file);
      const i = e.imp.line - 1;
      ls[i] = `try:\n    ${ls[i]!.trim()}\nexcept ${caught}:\n    pass`;
      write(e.importer.file, ls);
      removeDef(e.target, d);
      t.touched.push(e.importer, e.target);
      return `wrap ${relf(e.importer)}:${e.imp.line} in try/except ${caught}, delete ${name} from ${relf(e.target)}`;
    }
  }
}

/** A test file that imports one module (or nothing) and holds one test carrying the sub-tree's marker. */
export function writeTestFile(path: string, module: string | null, marker: string | null): void {
  const head = marker ? "import pytest\n" : "";
  const imp = module ? `import ${module}\n` : "";
  const mark = marker ? `@pytest.mark.agr_${marker}\n` : "";
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${head}${imp}\n\n${mark}def test_imported():\n    pass\n`);
}
