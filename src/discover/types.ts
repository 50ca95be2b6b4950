// The shape of discover's answer: what pytest itself would decide about a repository, and what remedy could not
// know statically (limitations) — the input of every later stage.
import type { IgnoredPath } from "./collectFiles.ts";
import type { Distribution } from "./interpreter.ts";
import type { IniKeyEntry, MarkerEntry, OptionEntry } from "./markerRegistry.ts";
import type { PluginSource } from "./plugins.ts";
import type { Setup } from "./rootdir.ts";
import type { PytestOptions } from "./settings.ts";
import type { UnknownMarkPolicy } from "./warningFilters.ts";

export interface PytestViewOptions {
  /** Interpreter to ask (default: the first `python3` on PATH); null: ask none. */
  python?: string | null;
  /** pytest's command-line arguments, relative to `path` (the invocation directory). */
  args?: string[];
  /** The environment pytest would run in (PYTEST_ADDOPTS, PYTEST_DISABLE_PLUGIN_AUTOLOAD, PYTHONPATH); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** How pytest is started: `python -m pytest` (default) puts the invocation directory on sys.path, the `pytest`
   *  script does not; a root-level package imports in the first case only. */
  invocation?: Invocation;
  /** Directory where the interpreter's answer and the facts of installed sources are kept between runs (remedy
   *  scan passes the repository's .remedy/); null or absent: kept for the process only ($REMEDY_CACHE_DIR wins). */
  cacheDir?: string | null;
}

export type Invocation = "python-m" | "pytest";

export interface InterpreterSummary {
  executable: string;
  realpath: string;
  version: string;
  /** sys.platform and os.name (what `if sys.platform == ...` tests see). */
  platform: string;
  osName: string;
  prefix: string;
  basePrefix: string;
  sitePackages: string[];
  /** The installed pytest's version, or null when pytest is not installed for this interpreter. */
  pytestVersion: string | null;
  distributions: Distribution[];
  /** Parents of the top-level packages setuptools' editable finders map (last on sys.path). Absent: none. */
  editableRoots?: string[];
}

export interface PytestView {
  /** Absolute invocation directory (pytest's cwd). */
  invocationDir: string;
  args: string[];
  rootdir: string;
  /** Absolute path of the configuration file pytest reads, or null. */
  configfile: string | null;
  rootdirReason: Setup["reason"];
  /** Files beside the configfile that also hold pytest config and lose to it. */
  ignoredConfigFiles: string[];
  options: PytestOptions;
  strictMarkers: boolean;
  strictConfig: boolean;
  /** Keys written in the config file's pytest section, with their lines ("Unknown config option" checks). */
  configKeys: { name: string; line: number | null }[];
  unknownMarkWarning: UnknownMarkPolicy;
  /** The paths collection starts from and where they came from. */
  initialPaths: string[];
  initialPathsSource: "args" | "testpaths" | "invocation-dir";
  /** Absolute paths of the test files pytest would collect, in its collection order. */
  testFiles: string[];
  /** --doctest-modules is in effect: every collected module may hold doctest items (counts are lower bounds). */
  doctestModules: boolean;
  /** Among testFiles, the modules collected only for their doctests (not python_files): their test functions
   *  and classes are not collected. With --doctest-ignore-import-errors they are left out (a failing import is a
   *  skip). */
  doctestOnly: string[];
  notFound: string[];
  ignored: IgnoredPath[];
  /** For each test file, the conftest.py files that apply to it, outermost first. */
  conftests: { file: string; conftests: string[] }[];
  /** The conftests pytest loads at start-up, in load order (a failure there stops pytest with exit code 4). */
  initialConftests: string[];
  /** Every conftest.py pytest imports in the session, in import order (the initial ones first). */
  allConftests: string[];
  /** Conftests defining hooks that change collection: what they do cannot be known statically. */
  dynamicConftests: { conftest: string; hooks: string[] }[];
  plugins: PluginSource[];
  /** Config file keys that no loaded plugin, conftest or pytest itself registers; null when sources were unreadable. */
  unknownConfigKeys: { name: string; line: number | null }[] | null;
  /** Options in addopts/args that neither pytest nor a loaded plugin or conftest defines: pytest stops with
   *  "unrecognized arguments" (exit 4). null when sources were unreadable. */
  unrecognizedOptions: string[] | null;
  markers: MarkerEntry[];
  iniKeys: IniKeyEntry[];
  cliOptions: OptionEntry[];
  interpreter: InterpreterSummary | null;
  /** pytest's sys.path at collection: `pythonpath` entries first, then the interpreter's (without ''). */
  sysPath: string[];
  /** True when every plugin module and conftest could be read: markers, ini keys and options are then complete. */
  registryComplete: boolean;
  /** What remedy could not determine, in sentences. */
  limitations: string[];
}
