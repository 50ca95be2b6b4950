// The commonest import-changing edit: `import logging`, `import os.path`, `from typing import Any` added to a
// module. remedy does not execute the standard library, so such an import changes nothing the import-time model
// decides for other modules, provided that (1) it finds the stdlib module whichever directories are on sys.path
// when it runs (nothing of the repository's, of PYTHONPATH's or of a conftest's sys.path insertions shadows
// it), (2) it sets no submodule attribute on a stdlib package (that would change later `pkg.sub` lookups: only
// dotted names under plain modules, such as os.path, are allowed), and (3) for `from m import x`, the
// interpreter has already answered that `m` has `x` (so the lookup neither fails nor changes what is asked).
// The names the import binds are held to addedNames.ts's rules like any other new name. Anything else: false,
// and the scan rebuilds the model. Cost: one listing per directory that can be on sys.path (cached), and the
// decoding of the few files whose facts change sys.path.
import { join } from "node:path";
import type { PytestView } from "../discover/index.ts";
import { StdlibNames } from "../discover/index.ts";
import {
  absoluteEntry,
  DEFAULT_BUILTIN_MODULES,
  evaluatePathExpr,
  findSpec,
  ModuleIndex,
  OriginClassifier,
} from "../graph/index.ts";
import type { FactsStore, ImportFact, ImportName } from "../python/index.ts";
import { testBaseDir } from "./projectFiles.ts";

export type InertImport = (imp: ImportFact) => boolean;

const BUILTIN = new Set(DEFAULT_BUILTIN_MODULES);

/** Builds the check for one scan; null when it cannot be answered (no interpreter, or a sys.path insertion that
 *  remedy cannot evaluate: any directory may then shadow any module). */
export function inertImportCheck(
  view: PytestView,
  pythonFiles: readonly string[],
  store: FactsStore,
  /** Where the interpreter's answers about stdlib names are kept (null: none kept, none known). */
  cacheDir: string | null,
): InertImport | null {
  const interpreter = view.interpreter;
  if (!interpreter) return null;
  const cwd = view.invocationDir;
  const index = new ModuleIndex();
  const classifier = new OriginClassifier(view.rootdir, view.sysPath.slice(view.options.pythonpath.length));
  const initial = view.sysPath.map((p) => absoluteEntry(p, cwd));
  // Directories that may come before the stdlib on sys.path: pytest's insertions for test files and conftests
  // (their package base directories) and every sys.path change a module makes.
  const pyFiles = new Set(pythonFiles);
  const hasInit = (dir: string) => pyFiles.has(join(dir, "__init__.py"));
  const inserted = new Set<string>();
  for (const f of [...view.testFiles, ...view.allConftests]) inserted.add(testBaseDir(f, hasInit));
  for (const path of store.pathsWhoseFactsContain('"sysPath":[{')) {
    for (const change of store.get(path).sysPath) {
      const dir = change.path ? evaluatePathExpr(change.path, path, cwd) : null;
      if (dir === null) return null;
      inserted.add(dir);
    }
  }
  const shadowFree = (name: string) =>
    [...inserted].every((dir) => {
      const hit = index.lookup(dir, name);
      return hit.packageInit === null && hit.moduleFile === null;
    });
  const answers = new StdlibNames({ ...interpreter, sysPath: view.sysPath }, { cacheDir });
  const memo = new Map<string, boolean>();

  /** `import a.b.c` finds a stdlib module and sets no attribute on a stdlib package. */
  const moduleInert = (dotted: string): boolean => {
    let known = memo.get(dotted);
    if (known !== undefined) return known;
    const [top = "", ...rest] = dotted.split(".");
    known = false;
    if (BUILTIN.has(top)) known = rest.length === 0;
    else if (shadowFree(top)) {
      const res = findSpec(index, classifier, top, initial);
      // A dotted name under a plain module is made at run time (os.path): the model keeps it opaque.
      known = res.found && res.origin === "stdlib" && (rest.length === 0 || res.kind === "module");
    }
    memo.set(dotted, known);
    return known;
  };

  return (imp) => {
    if (imp.scope !== "module" || imp.level !== 0 || imp.conditional || imp.typeChecking || imp.caught) return false;
    if (imp.kind === "import") return imp.names.every((n) => moduleInert(n.name));
    const module = imp.module ?? "";
    return (
      moduleInert(module) &&
      imp.names.every((n) => n.name !== "*" && answers.known({ module, name: n.name, how: "from" }) === "present")
    );
  };
}

/** The name one entry of an import binds in the module: `a` for `import a.b`, the alias when there is one. */
export function nameBoundBy(imp: ImportFact, n: ImportName): string {
  return n.asname ?? (imp.kind === "import" ? (n.name.split(".")[0] ?? n.name) : n.name);
}

/** The names an import binds in the module. */
export function namesBoundBy(imp: ImportFact): string[] {
  return imp.names.map((n) => nameBoundBy(imp, n));
}
