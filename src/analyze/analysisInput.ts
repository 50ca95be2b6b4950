// Everything an analyzer may read: the import-time model plus the few facts about pytest's session and the
// repository it needs. Filled by src/scan from discovery's output, so analyzers stay pure and testable by hand.
import type { CollectionModel } from "../graph/index.ts";
import type { FileFacts } from "../python/index.ts";

/** A marker pytest knows about, and who registered it (a config file, a conftest, a plugin, pytest itself). */
export interface RegisteredMarker {
  name: string;
  source: string;
}

/** A key written in the pytest section of the config file. */
export interface ConfigKey {
  key: string;
  line: number | null;
}

/** A module of the invocation directory that shadows a stdlib module pytest's start-up imports (`python -m
 *  pytest` puts that directory first on sys.path): pytest crashes before collecting. */
export interface StartupShadow {
  /** The module name (`json`). */
  name: string;
  /** Absolute path of the repository's file (`<dir>/json.py`, `<dir>/email/__init__.py`). */
  file: string;
  /** What pytest ends with when the module is empty, asked of the interpreter: exit code and last error line. */
  exitCode: number;
  message: string;
  /** Set when it is not a stdlib name but a module of the repository that pytest itself imports while it starts
   *  (`packaging.version` for `minversion`) and whose code fails: the module pytest imports, and the failing line
   *  of `file`. */
  importedAtStartup?: { module: string; line: number };
}

/** The parts of pytest's resolved configuration that decide how collection fails. */
export interface PytestSession {
  /** Absolute. Finding paths are made relative to it. */
  rootdir: string;
  /** Absolute path of the config file pytest uses, or null. */
  configfile: string | null;
  /** Effective strict_markers (ini strict_markers, else strict, else the flag where pytest honours it). */
  strictMarkers: boolean;
  /** Effective strict_config, likewise. */
  strictConfig: boolean;
  /** The `filterwarnings` ini lines, in the order written. */
  filterwarnings: string[];
  markers: RegisteredMarker[];
  /** Keys written in the config file's pytest section. */
  configKeys: ConfigKey[];
  /** Config keys nothing registers (pytest, plugins, conftests); null when unknown (the check is skipped). */
  unknownConfigKeys: ConfigKey[] | null;
  /** `required_plugins` entries as written. */
  requiredPlugins: string[];
  /** Installed distributions (name, version). */
  distributions: { name: string; version: string }[];
  /** The `addopts` tokens (shlex-split). */
  addopts: string[];
  /** addopts/command-line arguments nothing defines, as pytest lists them after "unrecognized arguments:";
   *  null when unknown (the check is skipped). */
  unrecognizedOptions: string[] | null;
  /** `-p NAME` plugins (from addopts and the command line) that cannot be imported. */
  unimportablePlugins: { name: string; message: string }[];
  /** Warning filters (`filterwarnings`, -W) whose category module cannot be imported while pytest starts, and
   *  what the installed pytest does about it; `line`: of `filterwarnings` in the config file (null for -W). */
  filterImportFailures?: {
    filter: string;
    missing: string;
    outcome: "usage-error" | "internal-error" | "warning";
    line: number | null;
  }[];
  importMode: "prepend" | "append" | "importlib";
  /** `--maxfail` / `-x` (addopts or command line): collection stops after this many errors; null: never. */
  maxfail: number | null;
  pythonFunctions: string[];
  pythonClasses: string[];
  /** Markers an installed plugin registers whose module also implements an item hook (pytest_pycollect_makeitem,
   *  pytest_generate_tests, pytest_collection_modifyitems): the plugin may add items for tests that carry them
   *  (anyio's `anyio` marker runs each test once per available backend). Absent: none. */
  markersAddingItems?: string[];
  /** The installed pytest reads `parametrize("x,", ...)` values as tuples (9.1+); absent: the newest rules. */
  trailingCommaTuples?: boolean;
  /** Test files (absolute) in collection order. */
  testFiles: string[];
  /** --doctest-modules: every module may hold doctest items, so each count is a lower bound; `doctestOnly`: the
   *  test files collected only as doctest modules (none of their functions or classes is a test). Absent: off. */
  doctest?: { doctestOnly: string[] };
  /** `-m EXPR` from addopts or the command line: the items it deselects are not collected. Absent: none. */
  markExpr?: string | null;
  /** Modules that make pytest crash at start-up (src/scan/startupShadows.ts); absent: none. */
  startupShadows?: StartupShadow[];
}

/** A first-party module remedy can see, for suggestions ("it now lives in ..."). */
export interface KnownModule {
  name: string;
  path: string;
  /** When `name` goes through a namespace portion (`src.pkg.mod`): the name from its top-most regular package
   *  (`pkg.mod`), which it imports under once a conftest or an install puts that directory on sys.path. */
  alias?: string;
}

/** A requirements source that names a distribution: requirements*.txt, pyproject dependencies, setup.cfg. */
export interface RequirementEntry {
  /** Repository-relative path of the file asking for it. */
  file: string;
  line: number | null;
  /** Distribution name as written. */
  name: string;
}

export interface AnalysisInput {
  model: CollectionModel;
  session: PytestSession;
  facts: (path: string) => FileFacts;
  /** First-party modules (under the rootdir) with their dotted names. */
  modules: KnownModule[];
  requirements: RequirementEntry[];
  /** Directories first-party absolute imports are found under (sys.path entries in the rootdir, test roots), in
   *  the order tried; absent: the rootdir. */
  searchRoots?: string[];
}
