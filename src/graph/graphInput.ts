// What the graph stage needs to know about one pytest session: a small shape the integrator fills from
// src/discover's output, so that this stage does not depend on how discovery is done.
import type { FileFacts, InterpreterTraits } from "../python/index.ts";

export type ImportMode = "prepend" | "append" | "importlib";

/** What the graph needs of an installed distribution: the projection of discover's `Distribution` (its entry
 *  points left out) that scan fills in (src/scan/viewAdapters.ts). */
export interface InstalledDistribution {
  name: string;
  /** Top-level importable names the distribution provides (top_level.txt / RECORD). */
  topLevel: string[];
  /** Its version, and its `.dist-info` directory: named in a finding about a name the installed version lacks. */
  version?: string;
  location?: string | null;
}

export interface GraphInput {
  /** pytest's rootdir (absolute). */
  rootdir: string;
  importMode: ImportMode;
  /** The `pythonpath` ini entries, absolute, in the order written. */
  pythonpath: string[];
  /** The interpreter's sys.path at start-up (what `python -m pytest` sees), absolute ("" already made absolute). */
  interpreterSysPath: string[];
  /** Test files (absolute) in pytest's collection order. */
  testFiles: string[];
  /** The conftest.py files that apply to a test file, rootdir down (absolute). */
  conftestsFor(file: string): string[];
  /** conftest.py files pytest loads at start-up, in load order (absolute). */
  initialConftests: string[];
  /** Every conftest.py of a directory pytest visits while collecting (absolute), including directories that hold
   *  no test file: pytest loads it when it enters the directory, and its failure is reported for the directory. */
  visitedConftests?: string[];
  /** Installed distributions: their top-level names are importable even when no sys.path entry shows them
   *  (editable installs through import hooks). */
  distributions?: InstalledDistribution[];
  /** The directory pytest runs in; relative sys.path entries resolve against it (default: rootdir). */
  invocationDir?: string;
  /** Parent directories of the top-level packages setuptools' editable finders map (also the last entries of
   *  interpreterSysPath): such a finder also finds an immediate submodule of a mapped package in the mapped
   *  directory when the package's own `__path__` lacks it (a worktree or copy of a repository whose editable
   *  install points at another checkout). Default: none. */
  editableRoots?: string[];
  /** pytest's `consider_namespace_packages` ini option (default false). */
  considerNamespacePackages?: boolean;
  /** Modules already in sys.modules when collection starts (pytest and what it imported): they are never
   *  looked up again, so a project directory of the same name does not shadow them. Default: pytest's own. */
  preloadedModules?: string[];
  /** Modules pytest imports while it starts, before any conftest, from sys.path as it is then (`packaging.version`
   *  to check `minversion` or `required_plugins`): an installed one is taken as imported (opaque), one the
   *  repository provides is executed from its files and its failure crashes pytest (exit 1). Default: none. */
  startupImports?: string[];
  /** Top-level stdlib modules pytest's start-up imported: those in sys.modules when the initial conftests load,
   *  and those when collection starts. Found there, never looked up on sys.path again
   *  (src/graph/preloadedStdlib.ts). Default: none. */
  preloadedStdlib?: { initial: ReadonlySet<string>; collection: ReadonlySet<string> };
  /** Told of every stdlib module name that a top-level import found elsewhere (a repository file shadows it),
   *  so that the interpreter can be asked which of them pytest's start-up imported. */
  onShadowedStdlib?: (name: string) => void;
  /** sys.builtin_module_names of the interpreter (default: CPython 3.11 on Linux). */
  builtinModules?: string[];
  /** Version and platform, to settle `if sys.version_info ...` / `if sys.platform ...` branches; absent or null:
   *  their statements stay conditional. */
  interpreter?: InterpreterTraits | null;
  /** Names the interpreter's standard library lacks, as "module:name" (`collections:Mapping` on 3.10+): `from
   *  module import name` raises ImportError and `module.name` AttributeError; "*module:name": no star import of `module` binds `name`. Default: every name exists. */
  stdlibMissing?: ReadonlySet<string>;
  /** Told of every name looked up in a stdlib (or builtin) module by code that runs at import time, so that the
   *  interpreter can be asked which of them it lacks. */
  onStdlibLookup?: (module: string, name: string, how: "from" | "attr" | "star") => void;
  /** Whether the repository's own code assigns `name` as an attribute somewhere (`pkg.name = ...`, `setattr(m,
   *  "name", ...)`): a shim that may put back a name an installed module lacks (src/graph/installedNames.ts).
   *  Absent: no installed module is said to lack a name. */
  attributeAssigned?: (name: string) => boolean;
}

export type GetFacts = (path: string) => FileFacts;
