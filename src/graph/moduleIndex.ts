// A cached view of the directories Python's path finder looks at: each directory is listed once, so resolving
// any number of imports costs O(entries listed) in filesystem calls plus O(1) map lookups per (root, name).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export type EntryKind = "file" | "dir";

/** What a directory holds for one module name, in the terms CPython's FileFinder uses. */
export interface DirHit {
  /** `name/` exists and holds `__init__.py` (or `__init__.<ext>`): a regular package. */
  packageInit: string | null;
  /** `name/` exists without `__init__`: a namespace portion unless a module file wins. */
  namespaceDir: string | null;
  /** `name.py`, `name.<abi>.so`/`.pyd`, or sourceless `name.pyc` beside it. */
  moduleFile: string | null;
  moduleKind: "module" | "extension" | "sourceless" | null;
}

const EXTENSION = /\.(?:[A-Za-z0-9_-]+\.)?(?:so|pyd)$/;

export class ModuleIndex {
  private readonly listings = new Map<string, Map<string, EntryKind> | null>();
  /** Per directory: module name -> extension module file (`x.cpython-311-x86_64-linux-gnu.so` -> x). */
  private readonly extensions = new Map<string, Map<string, string>>();

  /** The entries of a directory (symlinks followed), or null when it is not a readable directory. O(entries). */
  list(dir: string): Map<string, EntryKind> | null {
    const cached = this.listings.get(dir);
    if (cached !== undefined) return cached;
    let result: Map<string, EntryKind> | null = null;
    try {
      result = new Map();
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        let kind: EntryKind | null = e.isDirectory() ? "dir" : e.isFile() ? "file" : null;
        if (e.isSymbolicLink()) {
          try {
            const st = statSync(join(dir, e.name));
            kind = st.isDirectory() ? "dir" : st.isFile() ? "file" : null;
          } catch {
            kind = null;
          }
        }
        if (kind) result.set(e.name, kind);
        if (kind === "file" && EXTENSION.test(e.name)) {
          const mod = e.name.slice(0, e.name.indexOf("."));
          let ext = this.extensions.get(dir);
          if (!ext) {
            ext = new Map();
            this.extensions.set(dir, ext);
          }
          if (!ext.has(mod)) ext.set(mod, join(dir, e.name));
        }
      }
    } catch {
      result = null;
    }
    this.listings.set(dir, result);
    return result;
  }

  /** Looks up one module name in one directory as FileFinder.find_spec does. */
  lookup(dir: string, name: string): DirHit {
    const hit: DirHit = { packageInit: null, namespaceDir: null, moduleFile: null, moduleKind: null };
    const entries = this.list(dir);
    if (!entries) return hit;
    if (entries.get(name) === "dir") {
      const sub = join(dir, name);
      const inner = this.list(sub);
      if (inner) {
        for (const init of ["__init__.py", "__init__.pyc"]) {
          if (inner.get(init) === "file") {
            hit.packageInit = join(sub, init);
            return hit;
          }
        }
        const initExt = this.extensions.get(sub)?.get("__init__");
        if (initExt) {
          hit.packageInit = initExt;
          return hit;
        }
      }
      hit.namespaceDir = sub;
    }
    // FileFinder tries extension suffixes before source, then bytecode.
    const ext = this.extensions.get(dir)?.get(name);
    if (ext) {
      hit.moduleFile = ext;
      hit.moduleKind = "extension";
      return hit;
    }
    if (entries.get(`${name}.py`) === "file") {
      hit.moduleFile = join(dir, `${name}.py`);
      hit.moduleKind = "module";
      return hit;
    }
    if (entries.get(`${name}.pyc`) === "file") {
      hit.moduleFile = join(dir, `${name}.pyc`);
      hit.moduleKind = "sourceless";
    }
    return hit;
  }
}

const SKIP_DIRS = new Set(["node_modules", "__pycache__", "site-packages", "dist-packages", "build", "dist"]);

/** Every importable-looking name (package directory or `x.py`) anywhere under `root`, skipping hidden
 *  directories and environments: a missing import of one of these is the project's, not the environment's.
 *  O(files under root), done once per session. */
export function projectNames(index: ModuleIndex, root: string): Set<string> {
  const names = new Set<string>();
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop() as string;
    const entries = index.list(dir);
    if (!entries) continue;
    if (entries.has("pyvenv.cfg")) continue;
    for (const [name, kind] of entries) {
      if (kind === "dir") {
        if (name.startsWith(".") || SKIP_DIRS.has(name)) continue;
        if (/^[A-Za-z_]\w*$/.test(name)) names.add(name);
        stack.push(join(dir, name));
      } else if (name.endsWith(".py")) {
        const stem = name.slice(0, -3);
        if (/^[A-Za-z_]\w*$/.test(stem)) names.add(stem);
      }
    }
  }
  return names;
}
