// The test files pytest would collect from the initial paths (Session/Dir/Package.collect and
// pytest_ignore_collect in pytest 9): sorted directory walk, __pycache__, conftest collect_ignore(_glob),
// --ignore(-glob), virtualenvs (pyvenv.cfg, conda-meta/history), norecursedirs, python_files.
import { type Dirent, readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ancestors, type ConftestIndex } from "./conftestChain.ts";
import { fnmatch, fnmatchEx } from "./fnmatch.ts";
import { isFile, statOrNull } from "./fsStat.ts";
import type { SourceReader } from "./sourceFacts.ts";

export interface CollectInput {
  /** Absolute initial paths (node ids already cut at "::"). */
  initialPaths: string[];
  pythonFiles: string[];
  norecursedirs: string[];
  collectInVirtualenv: boolean;
  ignore: string[];
  ignoreGlob: string[];
  conftests: ConftestIndex;
  sources: SourceReader;
  /** --doctest-modules: every .py file is also a doctest module (DoctestModule imports it as a test module). */
  doctestModules?: boolean;
}

export interface IgnoredPath {
  path: string;
  reason:
    | "__pycache__"
    | "collect_ignore"
    | "collect_ignore_glob"
    | "--ignore"
    | "--ignore-glob"
    | "virtualenv"
    | "norecursedirs";
  /** The conftest or pattern responsible, when there is one. */
  by: string | null;
}

export interface CollectResult {
  testFiles: string[];
  /** Initial paths that do not exist: pytest stops with "file or directory not found" (exit 4). */
  notFound: string[];
  ignored: IgnoredPath[];
  /** Every directory pytest collects, in its order (pytest loads each one's conftests when it gets there). */
  directories: string[];
  /** Among testFiles, those collected only as doctest modules (--doctest-modules; not python_files): imported,
   *  their items are doctests only. */
  doctestOnly: string[];
}

export function inVirtualenv(dir: string): boolean {
  return isFile(join(dir, "pyvenv.cfg")) || isFile(join(dir, "conda-meta", "history"));
}

export function collectTestFiles(input: CollectInput): CollectResult {
  const initial = new Set(input.initialPaths);
  const withParents = new Set(input.initialPaths.flatMap((p) => [p, ...ancestors(p)]));
  const result: CollectResult = { testFiles: [], notFound: [], ignored: [], directories: [], doctestOnly: [] };
  const seen = new Set<string>();
  const ignoreAbs = input.ignore.map((p) => resolve(p));
  const ignoreGlobAbs = input.ignoreGlob.map((g) => resolve(g));

  /** The nearest conftest for `dir` that defines `attr`, with its list resolved against the conftest's dir.
   *  Memoized per directory: every entry of a directory asks the same question. */
  const lists = new Map<string, { conftest: string; paths: string[] } | null>();
  const conftestList = (dir: string, attr: "collectIgnore" | "collectIgnoreGlob") => {
    const key = `${attr}\0${dir}`;
    const hit = lists.get(key);
    if (hit !== undefined) return hit;
    let found: { conftest: string; paths: string[] } | null = null;
    const chain = input.conftests.chain(dir);
    for (let i = chain.length - 1; i >= 0 && !found; i--) {
      const conftest = chain[i] as string;
      const values = input.sources.read(conftest)?.[attr];
      if (values) found = { conftest, paths: values.map((v) => resolve(dirname(conftest), v)) };
    }
    lists.set(key, found);
    return found;
  };

  const ignored = (path: string, isDir: boolean): IgnoredPath | null => {
    const name = path.slice(path.lastIndexOf("/") + 1);
    if (name === "__pycache__") return { path, reason: "__pycache__", by: null };
    const parent = dirname(path);
    const ci = conftestList(parent, "collectIgnore");
    if (ci?.paths.includes(path)) return { path, reason: "collect_ignore", by: ci.conftest };
    if (ignoreAbs.includes(path)) return { path, reason: "--ignore", by: null };
    const cg = conftestList(parent, "collectIgnoreGlob");
    const glob = cg?.paths.find((g) => fnmatch(path, g));
    if (cg && glob) return { path, reason: "collect_ignore_glob", by: cg.conftest };
    const optGlob = ignoreGlobAbs.find((g) => fnmatch(path, g));
    if (optGlob) return { path, reason: "--ignore-glob", by: optGlob };
    // Only a directory can hold pyvenv.cfg: for files the check is skipped (two stats per file saved).
    if (isDir && !input.collectInVirtualenv && inVirtualenv(path)) return { path, reason: "virtualenv", by: null };
    if (isDir) {
      const pat = input.norecursedirs.find((p) => fnmatchEx(p, path));
      if (pat !== undefined) return { path, reason: "norecursedirs", by: pat };
    }
    return null;
  };

  const addFile = (path: string) => {
    if (!path.endsWith(".py") || seen.has(path)) return;
    const testModule = initial.has(path) || input.pythonFiles.some((p) => fnmatchEx(p, path));
    if (!testModule && !(input.doctestModules && isDoctestModule(path))) return;
    seen.add(path);
    result.testFiles.push(path);
    if (!testModule) result.doctestOnly.push(path);
  };

  const visited = new Set<string>();
  // `real`: the directory with symlinks resolved, derived from its parent's unless it was reached through a
  // symlink (one realpath per symlink instead of one per directory).
  const walk = (dir: string, real: string) => {
    if (visited.has(real)) return;
    visited.add(real);
    result.directories.push(dir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    // Package.collect puts __init__.py first; otherwise entries are sorted by name, files and dirs interleaved.
    const order = (a: string, b: string) =>
      a === "__init__.py" ? -1 : b === "__init__.py" ? 1 : a < b ? -1 : a > b ? 1 : 0;
    entries.sort((a, b) => order(a.name, b.name));
    for (const entry of entries) {
      const name = entry.name;
      const path = join(dir, name);
      // The entry's type comes with the listing; only symlinks (and unknown types) need a stat to be followed.
      const linked = entry.isSymbolicLink() || (!entry.isFile() && !entry.isDirectory());
      const st = linked ? statOrNull(path) : entry;
      if (st?.isDirectory()) {
        if (!withParents.has(path)) {
          const why = ignored(path, true);
          if (why) {
            result.ignored.push(why);
            continue;
          }
        }
        walk(path, linked ? realpathSync(path) : join(real, name));
      } else if (st?.isFile()) {
        if (!initial.has(path)) {
          const why = ignored(path, false);
          if (why) {
            if (path.endsWith(".py")) result.ignored.push(why);
            continue;
          }
        }
        addFile(path);
      }
    }
  };

  for (const path of input.initialPaths) {
    const st = statOrNull(path);
    // Session.collect also collects the initial path's parents inside confcutdir, loading their conftests.
    for (const parent of ancestors(path).reverse()) {
      if (input.conftests.isInConfcutdir(parent) && !result.directories.includes(parent))
        result.directories.push(parent);
    }
    if (!st) result.notFound.push(path);
    else if (st.isDirectory()) walk(path, realpathSync(path));
    else addFile(path);
  }
  return result;
}

/** A .py file the doctest plugin collects under --doctest-modules (its pytest_collect_file): any but `__main__.py`
 *  and a `setup.py` that mentions setuptools or distutils. A conftest.py is left out here: pytest imports it as
 *  a conftest before anything under its directory, and its failure is reported as the conftest's. */
function isDoctestModule(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  if (name === "__main__.py" || name === "conftest.py") return false;
  if (name !== "setup.py") return true;
  try {
    const text = readFileSync(path, "latin1");
    return !text.includes("setuptools") && !text.includes("distutils");
  } catch {
    return true;
  }
}
