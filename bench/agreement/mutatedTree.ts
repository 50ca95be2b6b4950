// A batch of independent mutations in one tree: sub-tree m0001/ holds its own copy of a real package (imports
// rewritten to m0001.<pkg>), a tests/ package with one `import` test per module, and one mutation. Sub-trees
// share nothing but pytest.ini, so one pytest run judges them all.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Random } from "../generate/random.ts";
import {
  applyMutation,
  edges,
  MUTATION_KINDS,
  type MutationKind,
  type Outline,
  type SubModule,
  type SubTree,
  writeTestFile,
} from "./mutations.ts";
import { copyNested, listModules, packageSource } from "./realPackages.ts";

export interface MutationRecord {
  subtree: string;
  package: string;
  kind: MutationKind;
  /** What was done, enough to redo it on a fresh copy. */
  description: string;
}

export interface MutatedTree {
  root: string;
  mutations: MutationRecord[];
}

const OUTLINE = join(import.meta.dirname, "outline.py");

/** Definition spans and module-level imports of Python files (CPython's ast, one process per 400 files). */
export function outlines(files: string[]): Record<string, Outline | null> {
  const out: Record<string, Outline | null> = {};
  for (let i = 0; i < files.length; i += 400) {
    const chunk = files.slice(i, i + 400);
    const text = execFileSync("python3", [OUTLINE, ...chunk], { encoding: "utf8", maxBuffer: 256 << 20 });
    Object.assign(out, JSON.parse(text));
  }
  return out;
}

/** The modules a sub-tree's tests import: those the mutation touched, their direct importers, the package
 *  itself, and a few others (up to MAX_TESTS), so a batch stays small while every effect is observed. */
const MAX_TESTS = 8;
function testedModules(t: SubTree, rng: Random): SubModule[] {
  const chosen = new Set<SubModule>(t.touched);
  const touched = new Set(t.touched);
  for (const e of edges(t)) if (touched.has(e.target)) chosen.add(e.importer);
  chosen.add(t.modules[0]!);
  const rest = t.modules.filter((m) => !chosen.has(m));
  while (chosen.size < MAX_TESTS && rest.length > 0) chosen.add(rest.splice(rng.int(0, rest.length - 1), 1)[0]!);
  return [...chosen].slice(0, MAX_TESTS + 4);
}

/** Writes `count` mutated sub-trees into `root`, numbered from `first`; kinds cycle through `kinds`. */
export function writeMutatedTree(
  root: string,
  options: { packages: string[]; kinds?: readonly MutationKind[]; count: number; first: number; seed: number },
): MutatedTree {
  const kinds = options.kinds ?? MUTATION_KINDS;
  const rng = new Random(`agreement:${options.seed}:${options.first}`);
  const trees: SubTree[] = [];
  const pkgOf = new Map<string, string>();
  for (let i = 0; i < options.count; i++) {
    const name = `m${String(options.first + i).padStart(4, "0")}`;
    const dir = join(root, name);
    const spec = options.packages[rng.int(0, options.packages.length - 1)]!;
    const src = packageSource(spec);
    mkdirSync(join(dir, "tests"), { recursive: true });
    writeFileSync(join(dir, "__init__.py"), "");
    writeFileSync(join(dir, "tests", "__init__.py"), "");
    if (!copyNested(src, join(dir, basename(src)), `${name}.`)) throw new Error(`${spec} cannot be nested`);
    const modules = listModules(join(dir, basename(src)), `${name}.`).map((m) => ({ ...m, outline: null }));
    trees.push({ name, dir, modules, markers: new Set([`agr_${name}`]), touched: [] });
    pkgOf.set(name, spec);
  }
  const found = outlines(trees.flatMap((t) => t.modules.map((m) => m.file)));
  for (const t of trees) for (const m of t.modules) m.outline = found[m.file] ?? null;

  const mutations: MutationRecord[] = [];
  trees.forEach((t, i) => {
    const start = (options.first + i) % kinds.length;
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(start + k) % kinds.length]!;
      const description = applyMutation(kind, t, rng.fork(t.name));
      if (description) {
        mutations.push({ subtree: t.name, package: pkgOf.get(t.name)!, kind, description });
        break;
      }
    }
    for (const m of testedModules(t, rng.fork(`${t.name}:tests`))) {
      writeTestFile(join(t.dir, "tests", `test_import_${m.dotted.split(".").slice(1).join("_")}.py`), m.dotted, t.name);
    }
  });
  const markers = trees.flatMap((t) => [...t.markers]);
  writeFileSync(
    join(root, "pytest.ini"),
    `[pytest]\nstrict_markers = true\nmarkers =\n${markers.map((m) => `    ${m}: agreement sub-tree\n`).join("")}`,
  );
  return { root, mutations };
}
